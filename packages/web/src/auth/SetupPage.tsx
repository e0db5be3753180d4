import { useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { completeSetup } from './auth-api.ts';
import { useAuth } from './auth-context.tsx';
import { parseSetupForm, PASSWORD_HINT, type SetupField, type SetupInput } from './auth-forms.ts';
import { AuthCard } from './AuthCard.tsx';
import { AuthField } from './AuthField.tsx';

/** First start without SIGHTLINE_ADMIN_PASSWORD: the setup token from the server log creates the first admin. */
export function SetupPage() {
  const id = useId();
  const auth = useAuth();
  const [input, setInput] = useState<SetupInput>({ token: '', username: 'admin', password: '', confirm: '' });
  const [problems, setProblems] = useState<Partial<Record<SetupField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    document.title = 'Set up · Sightline';
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parseSetupForm(input);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setError(undefined);
    setSending(true);
    completeSetup(parsed.body).then(
      (response) => auth.signedIn(response),
      (failure: unknown) => {
        setSending(false);
        setError(failure);
      },
    );
  };

  const field = (name: SetupField, label: string, extra: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <AuthField
      id={`${id}-${name}`}
      label={label}
      name={name}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      spellCheck={false}
      autoCapitalize="none"
      value={input[name]}
      problem={problems[name]}
      {...(extra.hint === undefined ? {} : { hint: extra.hint })}
      onChange={(event) => setInput({ ...input, [name]: event.target.value })}
    />
  );

  return (
    <AuthCard title="Create the first admin">
      <p className="auth-intro">
        Sightline has no users yet. The server printed a one-time <strong>setup token</strong> in its log when it started; paste it here to create the
        administrator.
      </p>
      <form className="auth-form" aria-label="Set up" onSubmit={submit} noValidate>
        {field('token', 'Setup token', { hint: 'A restart makes a new token.' })}
        {field('username', 'Username', { autoComplete: 'username' })}
        {field('password', 'Password', { type: 'password', autoComplete: 'new-password', hint: PASSWORD_HINT })}
        {field('confirm', 'Confirm password', { type: 'password', autoComplete: 'new-password' })}
        {error !== undefined && <ErrorNotice error={error} title="Setup failed" />}
        <button type="submit" className="btn btn-primary auth-submit" disabled={sending}>
          {sending ? 'Creating…' : 'Create admin and sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
