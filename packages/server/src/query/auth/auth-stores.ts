import type { Store } from '../../storage/store.ts';
import { ApiKeyStore } from './api-key-store.ts';
import { AuditStore } from './audit-store.ts';
import { SessionStore } from './session-store.ts';
import { UserStore } from './user-store.ts';

export interface AuthStores {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly keys: ApiKeyStore;
  readonly audit: AuditStore;
}

/** The access-control tables over one store. */
export function openAuthStores(store: Store): AuthStores {
  return { users: new UserStore(store), sessions: new SessionStore(store), keys: new ApiKeyStore(store), audit: new AuditStore(store) };
}
