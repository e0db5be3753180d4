import { Fragment } from 'react';
import type { Role, User } from '@sightline/contract';
import { ConfirmDelete } from '../alerts/ConfirmDelete.tsx';
import { formatDateMinute } from '../time/time-format.ts';
import { resetPassword } from './auth-api.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { describeScope, ROLE_LABELS, ROLE_ORDER } from './roles.ts';

/** What is under way on a row: one action at a time. */
export type UserRowMode = { readonly id: string; readonly kind: 'confirm-delete' | 'reset-password' | 'busy' } | undefined;

export interface UsersTableProps {
  readonly users: readonly User[];
  /** The signed-in user's id (their own row cannot be deleted or disabled here). */
  readonly selfId: string | undefined;
  readonly mode: UserRowMode;
  readonly onMode: (mode: UserRowMode) => void;
  readonly onRole: (user: User, role: Role) => void;
  readonly onDisabled: (user: User, disabled: boolean) => void;
  readonly onDelete: (user: User) => void;
  readonly onPasswordReset: (user: User) => void;
}

/** The users with their role (changeable), scope, source and state, and the row actions. */
export function UsersTable(props: UsersTableProps) {
  const { mode } = props;
  return (
    <table className="data-table users-table" aria-label="Users">
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Scope</th>
          <th scope="col">Source</th>
          <th scope="col">State</th>
          <th scope="col">Created</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((user) => {
          const self = user.id === props.selfId;
          const busy = mode?.id === user.id && mode.kind === 'busy';
          return (
            <Fragment key={user.id}>
              <tr data-user={user.username} className={user.disabled ? 'is-disabled-user' : undefined}>
                <td className="user-name">
                  {user.username}
                  {self && <span className="muted small"> (you)</span>}
                </td>
                <td>{user.displayName}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.username}`}
                    value={user.role}
                    disabled={busy}
                    onChange={(event) => props.onRole(user, event.target.value as Role)}
                  >
                    {ROLE_ORDER.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="small">{describeScope(user.scope)}</td>
                <td>
                  <span className="source-badge">{user.source === 'oidc' ? 'SSO' : 'local'}</span>
                </td>
                <td>{user.disabled ? <span className="state-badge state-off">disabled</span> : <span className="state-badge state-on">active</span>}</td>
                <td className="small">
                  <time dateTime={new Date(user.createdMs).toISOString()}>{formatDateMinute(user.createdMs)}</time>
                </td>
                <td className="row-actions">
                  {mode?.id === user.id && mode.kind === 'confirm-delete' ? (
                    <ConfirmDelete
                      className="row-confirm"
                      question={`Delete ${user.username}?`}
                      confirmLabel="Delete user"
                      deleting={false}
                      disabled={false}
                      onConfirm={() => props.onDelete(user)}
                      onKeep={() => props.onMode(undefined)}
                    />
                  ) : (
                    <>
                      {user.source === 'local' && !self && (
                        <button type="button" className="btn btn-small" disabled={busy} onClick={() => props.onMode({ id: user.id, kind: 'reset-password' })}>
                          Reset password
                        </button>
                      )}
                      {!self && (
                        <button type="button" className="btn btn-small" disabled={busy} onClick={() => props.onDisabled(user, !user.disabled)}>
                          {user.disabled ? 'Enable' : 'Disable'}
                        </button>
                      )}
                      {!self && (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={busy}
                          aria-label={`Delete ${user.username}`}
                          onClick={() => props.onMode({ id: user.id, kind: 'confirm-delete' })}
                        >
                          Delete
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
              {mode?.id === user.id && mode.kind === 'reset-password' && (
                <tr className="row-expanded">
                  <td colSpan={8}>
                    <PasswordForm
                      label={`New password for ${user.username}`}
                      username={user.username}
                      requireOld={false}
                      save={(body) => resetPassword(user.id, body.newPassword)}
                      onDone={() => props.onPasswordReset(user)}
                      onCancel={() => props.onMode(undefined)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
