import { useEffect, useId, useRef, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { changeOwnPassword } from './auth-api.ts';
import { useAuth } from './auth-context.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { ROLE_LABELS } from './roles.ts';
import './auth.css';

/** The signed-in user in the top bar: name and role, change password, sign out. Nothing when access control is off. */
export function UserMenu() {
  const auth = useAuth();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent): void => {
      if (rootRef.current !== null && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const principal = auth.principal;
  if (auth.phase !== 'signed-in' || principal === undefined) return null;

  const close = (): void => {
    setOpen(false);
    setChanging(false);
    buttonRef.current?.focus();
  };
  const signOut = (): void => {
    setError(undefined);
    auth.signOut().catch((failure: unknown) => setError(failure));
  };

  return (
    <div className="user-menu" ref={rootRef} onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), close())}>
      <button
        ref={buttonRef}
        type="button"
        className="btn user-menu-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={`Account: ${principal.name} (${ROLE_LABELS[principal.role]})`}
        onClick={() => {
          setOpen((o) => !o);
          setChanging(false);
          setNote(undefined);
        }}
      >
        <span className="user-avatar" aria-hidden="true">
          {principal.name.slice(0, 1).toUpperCase()}
        </span>
        {principal.name}
      </button>
      {open && (
        <div id={`${id}-panel`} className="popover user-menu-panel" role="dialog" aria-label="Account">
          <div className="user-menu-who">
            <strong>{principal.name}</strong>
            <span className={`role-badge role-${principal.role}`}>{ROLE_LABELS[principal.role]}</span>
          </div>
          {note !== undefined && (
            <p className="muted small" role="status">
              {note}
            </p>
          )}
          {changing ? (
            <PasswordForm
              label="Change password"
              username={principal.name}
              requireOld
              save={(body) => changeOwnPassword({ oldPassword: body.oldPassword ?? '', newPassword: body.newPassword })}
              onDone={() => {
                setChanging(false);
                setNote('Password changed.');
              }}
              onCancel={() => setChanging(false)}
            />
          ) : (
            <div className="user-menu-actions">
              {principal.kind === 'user' && (
                <button type="button" className="btn" onClick={() => setChanging(true)}>
                  Change password
                </button>
              )}
              <button type="button" className="btn" onClick={signOut}>
                Sign out
              </button>
            </div>
          )}
          {error !== undefined && <ErrorNotice error={error} title="Could not sign out" />}
        </div>
      )}
    </div>
  );
}
