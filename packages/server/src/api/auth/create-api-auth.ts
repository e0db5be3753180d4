import type { AuthConfig } from '../../auth/auth-config.ts';
import { createAuthServices } from '../../auth/auth-services.ts';
import { openAuthStores } from '../../query/auth/auth-stores.ts';
import type { Store } from '../../storage/store.ts';
import type { ApiAuth } from './auth-hook.ts';

/**
 * Access control for the API over the store (main calls it when `auth.enabled`). Pass the store without
 * the query concurrency cap: a login or a principal lookup must not wait behind heavy queries.
 */
export function createApiAuth(store: Store, config: AuthConfig, options: { readonly tls: boolean }): ApiAuth {
  return {
    services: createAuthServices({ stores: openAuthStores(store), config }),
    metricsRequireKey: config.metricsRequireKey,
    secureCookie: options.tls,
  };
}
