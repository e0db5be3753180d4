import { useEffect, useState } from 'react';
import type { Role, User } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { deleteUser, listUsers, updateUser } from './auth-api.ts';
import { useAuth } from './auth-context.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { ROLE_LABELS } from './roles.ts';
import { UsersTable, type UserRowMode } from './UsersTable.tsx';

/** The users: list, add, change role, disable, reset password, delete (admin). */
export function UsersPage() {
  useEffect(() => {
    document.title = 'Users · Sightline';
  }, []);
  const auth = useAuth();
  const users = useApi('admin-users', listUsers);
  const { reload } = users;
  const [mode, setMode] = useState<UserRowMode>(undefined);
  const [failure, setFailure] = useState<{ readonly title: string; readonly error: unknown } | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);

  const run = (user: User, title: string, action: () => Promise<unknown>, done: string): void => {
    setMode({ id: user.id, kind: 'busy' });
    setFailure(undefined);
    setNote(undefined);
    action().then(
      () => {
        setMode(undefined);
        setNote(done);
        reload();
      },
      (error: unknown) => {
        setMode(undefined);
        setFailure({ title, error });
        reload();
      },
    );
  };

  const all = [...(users.data ?? [])].sort((a, b) => a.username.localeCompare(b.username));
  return (
    <div className="page-body auth-admin-page">
      <div className="toolbar">
        <span className="muted" role="status">
          {note ?? (users.data === undefined ? '' : `${all.length} user${all.length === 1 ? '' : 's'}`)}
        </span>
        {users.loading && users.data === undefined && <LoadingNote />}
      </div>
      {users.error !== undefined && <ErrorNotice error={users.error} title="Could not load the users" onRetry={reload} />}
      {failure !== undefined && <ErrorNotice error={failure.error} title={failure.title} />}
      <section className="panel" aria-label="Users list">
        {users.data !== undefined && (
          <UsersTable
            users={all}
            selfId={auth.principal?.kind === 'user' ? auth.principal.id : undefined}
            mode={mode}
            onMode={setMode}
            onRole={(user, role: Role) =>
              run(user, `Could not change the role of ${user.username}`, () => updateUser(user.id, { role }), `${user.username} is now ${ROLE_LABELS[role]}.`)
            }
            onDisabled={(user, disabled) =>
              run(
                user,
                `Could not ${disabled ? 'disable' : 'enable'} ${user.username}`,
                () => updateUser(user.id, { disabled }),
                `${user.username} is ${disabled ? 'disabled: their sessions end' : 'enabled again'}.`,
              )
            }
            onDelete={(user) => run(user, `Could not delete ${user.username}`, () => deleteUser(user.id), `${user.username} was deleted.`)}
            onPasswordReset={(user) => {
              setMode(undefined);
              setNote(`The password of ${user.username} was changed.`);
            }}
          />
        )}
      </section>
      <CreateUserForm
        onCreated={(user) => {
          setNote(`${user.username} was added as ${ROLE_LABELS[user.role]}.`);
          reload();
        }}
      />
    </div>
  );
}
