/** The access-control endpoints: status, sign-in/out, own password; users, API keys and the audit log (admin). */
import {
  apiKeyCreatedSchema,
  apiKeyListResponseSchema,
  auditListResponseSchema,
  authStatusResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  userListResponseSchema,
  userSchema,
  type ApiKey,
  type ApiKeyCreate,
  type ApiKeyCreated,
  type AuditEntry,
  type AuthStatusResponse,
  type LoginResponse,
  type MeResponse,
  type OwnPasswordChange,
  type User,
  type UserCreate,
  type UserUpdate,
} from '@sightline/contract';
import { requestEmpty, requestJson, setCsrfToken, type QueryValue } from '../api/http-client.ts';
import type { LoginInput, SetupBody } from './auth-forms.ts';

const AUTH = 'api/v1/auth';
const USERS = 'api/v1/admin/users';
const KEYS = 'api/v1/admin/api-keys';
export const AUDIT_PATH = 'api/v1/admin/audit';

export function getAuthStatus(signal?: AbortSignal): Promise<AuthStatusResponse> {
  return requestJson(`${AUTH}/status`, authStatusResponseSchema, { signal });
}

export function getMe(signal?: AbortSignal): Promise<MeResponse> {
  return requestJson(`${AUTH}/me`, meResponseSchema, { signal });
}

export function login(body: LoginInput): Promise<LoginResponse> {
  return requestJson(`${AUTH}/login`, loginResponseSchema, { method: 'POST', body });
}

export function completeSetup(body: SetupBody): Promise<LoginResponse> {
  return requestJson(`${AUTH}/setup`, loginResponseSchema, { method: 'POST', body });
}

export function logout(): Promise<void> {
  return requestEmpty(`${AUTH}/logout`, { method: 'POST' });
}

/** The server ends every session of the user and starts this one anew: its new CSRF token is read back. */
export async function changeOwnPassword(body: OwnPasswordChange): Promise<void> {
  await requestEmpty(`${AUTH}/password`, { method: 'POST', body });
  const me = await getMe();
  setCsrfToken(me.csrfToken ?? undefined);
}

export async function listUsers(signal?: AbortSignal): Promise<readonly User[]> {
  return (await requestJson(USERS, userListResponseSchema, { signal })).users;
}

export function createUser(body: UserCreate): Promise<User> {
  return requestJson(USERS, userSchema, { method: 'POST', body });
}

export function updateUser(id: string, body: UserUpdate): Promise<User> {
  return requestJson(`${USERS}/${encodeURIComponent(id)}`, userSchema, { method: 'PUT', body });
}

export function deleteUser(id: string): Promise<void> {
  return requestEmpty(`${USERS}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function resetPassword(id: string, newPassword: string): Promise<void> {
  return requestEmpty(`${USERS}/${encodeURIComponent(id)}/password`, { method: 'POST', body: { newPassword } });
}

export async function listApiKeys(signal?: AbortSignal): Promise<readonly ApiKey[]> {
  return (await requestJson(KEYS, apiKeyListResponseSchema, { signal })).keys;
}

export function createApiKey(body: ApiKeyCreate): Promise<ApiKeyCreated> {
  return requestJson(KEYS, apiKeyCreatedSchema, { method: 'POST', body });
}

export function revokeApiKey(id: string): Promise<void> {
  return requestEmpty(`${KEYS}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listAudit(query: Readonly<Record<string, QueryValue>>, signal?: AbortSignal): Promise<readonly AuditEntry[]> {
  return (await requestJson(AUDIT_PATH, auditListResponseSchema, { query, signal })).entries;
}
