import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/api-error.ts';
import { retryAfterSecondsOf } from '../api/http-client.ts';
import { login } from './auth-api.ts';
import { useAuth } from './auth-context.tsx';
import { lockoutMessage, parseLoginForm, type LoginField, type LoginInput } from './auth-forms.ts';
import { AuthCard } from './AuthCard.tsx';
import { AuthField } from './AuthField.tsx';

/** What a failed sign-in says: wrong credentials, a lockout with its wait, or the server's own message. */
function failureText(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'The username or password is not correct.';
  if (error instanceof ApiError && error.status === 429) return lockoutMessage(retryAfterSecondsOf(error));
  return describeError(error).message;
}

/** Username and password; on success the app opens at `?next=` (the gate moves there). */
export function LoginPage() {
  const id = useId();
  const auth = useAuth();
  const [input, setInput] = useState<LoginInput>({ username: '', password: '' });
  const [problems, setProblems] = useState<Partial<Record<LoginField, string>>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Sightline';
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const parsed = parseLoginForm(input);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setFailure(undefined);
    setSending(true);
    login(parsed.body).then(
      (response) => auth.signedIn(response),
      (error: unknown) => {
        setSending(false);
        setFailure(failureText(error));
        setInput((current) => ({ ...current, password: '' }));
      },
    );
  };

  return (
    <AuthCard title="Sign in">
      <form className="auth-form" aria-label="Sign in" onSubmit={submit} noValidate>
        <AuthField
          id={`${id}-username`}
          label="Username"
          name="username"
          autoComplete="username"
          autoFocus
          spellCheck={false}
          autoCapitalize="none"
          value={input.username}
          problem={problems.username}
          onChange={(event) => setInput({ ...input, username: event.target.value })}
        />
        <AuthField
          id={`${id}-password`}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={input.password}
          problem={problems.password}
          onChange={(event) => setInput({ ...input, password: event.target.value })}
        />
        {failure !== undefined && (
          <p className="auth-failure" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="btn btn-primary auth-submit" disabled={sending}>
          {sending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
