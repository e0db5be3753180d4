/** The API keys page's texts: a key's state and its times. Pure. */
import type { ApiKey } from '@sightline/contract';

export type KeyState = 'active' | 'expired' | 'revoked';

export function keyState(key: Pick<ApiKey, 'revoked' | 'expiresMs'>, nowMs: number): KeyState {
  if (key.revoked) return 'revoked';
  return key.expiresMs !== null && key.expiresMs <= nowMs ? 'expired' : 'active';
}

export const KEY_STATE_LABELS: Readonly<Record<KeyState, string>> = { active: 'active', expired: 'expired', revoked: 'revoked' };

/** Active keys first, then by newest. */
export function sortKeys(keys: readonly ApiKey[], nowMs: number): ApiKey[] {
  const rank: Readonly<Record<KeyState, number>> = { active: 0, expired: 1, revoked: 2 };
  return [...keys].sort((a, b) => rank[keyState(a, nowMs)] - rank[keyState(b, nowMs)] || b.createdMs - a.createdMs);
}

/** How the prefix is shown: what the key starts with, the rest elided. */
export function prefixText(prefix: string): string {
  return `${prefix}…`;
}
