/** The access-control forms' checks before anything is sent (the server checks again). Pure. */
import type { AccessScope, ApiKeyCreate, PasswordChange, Role, UserCreate } from '@sightline/contract';
import { usernameSchema } from '@sightline/contract';

/** The server's default `auth.password.minLength`. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not the username, not one repeated character.`;

export type FormResult<Body, Field extends string> =
  { readonly ok: true; readonly body: Body } | { readonly ok: false; readonly problems: Partial<Record<Field, string>> };

function result<Body, Field extends string>(problems: Partial<Record<Field, string>>, body: () => Body): FormResult<Body, Field> {
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body: body() };
}

/** Why a new password would be refused (as the server's policy), or undefined. */
export function passwordProblem(password: string, username: string, minLength = PASSWORD_MIN_LENGTH): string | undefined {
  if (password === '') return 'Enter a password.';
  if ([...password].length < minLength) return `Use at least ${minLength} characters.`;
  if (password.length > 1024) return 'Use at most 1024 characters.';
  if (username.trim() !== '' && password.trim().toLowerCase() === username.trim().toLowerCase()) return 'The password must not be the username.';
  if (new Set(password).size === 1) return 'The password must not repeat a single character.';
  return undefined;
}

function usernameProblem(username: string): string | undefined {
  if (username.trim() === '') return 'Enter a username.';
  const parsed = usernameSchema.safeParse(username.trim());
  return parsed.success ? undefined : 'Use letters, digits and . _ @ - only (at most 128).';
}

export interface LoginInput {
  readonly username: string;
  readonly password: string;
}
export type LoginField = keyof LoginInput;

export function parseLoginForm(input: LoginInput): FormResult<LoginInput, LoginField> {
  const problems: Partial<Record<LoginField, string>> = {};
  if (input.username.trim() === '') problems.username = 'Enter your username.';
  if (input.password === '') problems.password = 'Enter your password.';
  return result(problems, () => ({ username: input.username.trim(), password: input.password }));
}

export interface SetupInput {
  readonly token: string;
  readonly username: string;
  readonly password: string;
  readonly confirm: string;
}
export type SetupField = keyof SetupInput;
export interface SetupBody {
  readonly token: string;
  readonly username: string;
  readonly password: string;
}

export function parseSetupForm(input: SetupInput): FormResult<SetupBody, SetupField> {
  const problems: Partial<Record<SetupField, string>> = {};
  if (input.token.trim() === '') problems.token = 'Paste the setup token from the server log.';
  const userProblem = usernameProblem(input.username);
  if (userProblem !== undefined) problems.username = userProblem;
  const pwProblem = passwordProblem(input.password, input.username);
  if (pwProblem !== undefined) problems.password = pwProblem;
  else if (input.confirm !== input.password) problems.confirm = 'The passwords do not match.';
  return result(problems, () => ({ token: input.token.trim(), username: input.username.trim(), password: input.password }));
}

export interface PasswordChangeInput {
  readonly oldPassword: string;
  readonly newPassword: string;
  readonly confirm: string;
}
export type PasswordChangeField = keyof PasswordChangeInput;

/** `requireOld`: users changing their own password give the current one; an admin resetting another's does not. */
export function parsePasswordChange(input: PasswordChangeInput, username: string, requireOld: boolean): FormResult<PasswordChange, PasswordChangeField> {
  const problems: Partial<Record<PasswordChangeField, string>> = {};
  if (requireOld && input.oldPassword === '') problems.oldPassword = 'Enter the current password.';
  const pwProblem = passwordProblem(input.newPassword, username);
  if (pwProblem !== undefined) problems.newPassword = pwProblem;
  else if (requireOld && input.newPassword === input.oldPassword) problems.newPassword = 'Choose a password other than the current one.';
  else if (input.confirm !== input.newPassword) problems.confirm = 'The passwords do not match.';
  return result(problems, () => (requireOld ? { oldPassword: input.oldPassword, newPassword: input.newPassword } : { newPassword: input.newPassword }));
}

/** A comma or newline separated list: trimmed, empties and repeats left out. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

/** The scope from two lists; an empty list means "not limited" (the key is left out). */
export function parseScope(services: string, environments: string): AccessScope {
  const scope: { services?: string[]; environments?: string[] } = {};
  const s = parseList(services);
  const e = parseList(environments);
  if (s.length > 0) scope.services = s;
  if (e.length > 0) scope.environments = e;
  return scope;
}

function scopeProblem(text: string): string | undefined {
  const items = parseList(text);
  if (items.length > 256) return 'At most 256 names.';
  return items.some((item) => item.length > 256) ? 'Each name at most 256 characters.' : undefined;
}

export interface UserFormInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
  readonly confirm: string;
  readonly services: string;
  readonly environments: string;
}
export type UserFormField = keyof UserFormInput;

export function parseUserForm(input: UserFormInput): FormResult<UserCreate, UserFormField> {
  const problems: Partial<Record<UserFormField, string>> = {};
  const userProblem = usernameProblem(input.username);
  if (userProblem !== undefined) problems.username = userProblem;
  if (input.displayName.length > 200) problems.displayName = 'At most 200 characters.';
  const pwProblem = passwordProblem(input.password, input.username);
  if (pwProblem !== undefined) problems.password = pwProblem;
  else if (input.confirm !== input.password) problems.confirm = 'The passwords do not match.';
  const services = scopeProblem(input.services);
  if (services !== undefined) problems.services = services;
  const environments = scopeProblem(input.environments);
  if (environments !== undefined) problems.environments = environments;
  return result(problems, () => {
    const displayName = input.displayName.trim();
    return {
      username: input.username.trim(),
      ...(displayName === '' ? {} : { displayName }),
      role: input.role,
      scope: parseScope(input.services, input.environments),
      password: input.password,
    };
  });
}

/** How long a new API key lasts. */
export const KEY_EXPIRY_CHOICES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
] as const;
export type KeyExpiry = (typeof KEY_EXPIRY_CHOICES)[number]['value'];

export interface ApiKeyFormInput {
  readonly name: string;
  readonly role: Role;
  readonly expiry: KeyExpiry;
  readonly services: string;
  readonly environments: string;
}
export type ApiKeyFormField = keyof ApiKeyFormInput;

const DAY_MS = 86_400_000;

export function parseApiKeyForm(input: ApiKeyFormInput, nowMs: number): FormResult<ApiKeyCreate, ApiKeyFormField> {
  const problems: Partial<Record<ApiKeyFormField, string>> = {};
  const name = input.name.trim();
  if (name === '') problems.name = 'Name the key after what uses it.';
  else if (name.length > 200) problems.name = 'At most 200 characters.';
  const services = scopeProblem(input.services);
  if (services !== undefined) problems.services = services;
  const environments = scopeProblem(input.environments);
  if (environments !== undefined) problems.environments = environments;
  return result(problems, () => ({
    name,
    role: input.role,
    scope: parseScope(input.services, input.environments),
    expiresMs: input.expiry === 'never' ? null : nowMs + Number(input.expiry) * DAY_MS,
  }));
}

/** A wait in words: `45 seconds`, `2 minutes`, `1 hour 5 minutes`. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? '' : 's'}${rest === 0 ? '' : ` ${rest} minute${rest === 1 ? '' : 's'}`}`;
}

/** The sign-in page's text for a locked account or address. */
export function lockoutMessage(retryAfterSeconds: number | undefined): string {
  const wait = retryAfterSeconds === undefined ? 'a while' : formatWait(retryAfterSeconds);
  return `Too many failed sign-ins. Try again in ${wait}.`;
}
