import type { Config } from './schema.ts';

const HIDDEN = '(hidden)';

/** The configuration as printed by `check-config`: secrets (static ingest keys) replaced, everything else as loaded. */
export function redactSecrets(config: Config): unknown {
  return {
    ...config,
    otlp: { ...config.otlp, auth: { ...config.otlp.auth, keys: config.otlp.auth.keys.map((key) => ({ ...key, key: HIDDEN })) } },
  };
}
