import type { LockoutConfig } from './auth-config.ts';

/**
 * Login throttling, pure and in memory: after `maxFailures` failures within `windowMinutes` a key (a
 * username or a client address) is locked, first for `initialLockSeconds`, each further lock twice as
 * long up to `maxLockSeconds`. The doubling resets once a key has been quiet for a window plus the
 * longest lock, or (for a username) after a successful login.
 */

/** How long the n-th consecutive lock (1-based) lasts. */
export function lockDurationMs(lockNumber: number, config: LockoutConfig): number {
  const doublings = Math.min(Math.max(0, lockNumber - 1), 30);
  return Math.min(config.initialLockSeconds * 1000 * 2 ** doublings, config.maxLockSeconds * 1000);
}

interface KeyState {
  failures: number[];
  lockedUntilMs: number;
  locks: number;
  lastFailureMs: number;
}

/** Most keys tracked; beyond it the idle ones are forgotten first (bounds memory under a spray of names). */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly config: LockoutConfig) {}

  private get windowMs(): number {
    return this.config.windowMinutes * 60_000;
  }

  /** Unix ms until which the key is locked, or undefined. */
  lockedUntil(key: string, nowMs: number): number | undefined {
    const state = this.keys.get(key);
    return state !== undefined && state.lockedUntilMs > nowMs ? state.lockedUntilMs : undefined;
  }

  /** Records a failure; returns the new lock's end when this failure locked the key. */
  recordFailure(key: string, nowMs: number): number | undefined {
    let state = this.keys.get(key);
    if (state !== undefined && nowMs - state.lastFailureMs > this.windowMs + this.config.maxLockSeconds * 1000) state = undefined;
    if (state === undefined) {
      this.makeRoom(nowMs);
      state = { failures: [], lockedUntilMs: 0, locks: 0, lastFailureMs: nowMs };
      this.keys.set(key, state);
    }
    state.lastFailureMs = nowMs;
    state.failures = state.failures.filter((at) => nowMs - at < this.windowMs);
    state.failures.push(nowMs);
    if (state.failures.length < this.config.maxFailures) return undefined;
    state.locks += 1;
    state.failures = [];
    state.lockedUntilMs = nowMs + lockDurationMs(state.locks, this.config);
    return state.lockedUntilMs;
  }

  /** Forgets a key's failures and lock history (after a successful login of that user). */
  reset(key: string): void {
    this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }

  private makeRoom(nowMs: number): void {
    if (this.keys.size < MAX_KEYS) return;
    const horizon = this.windowMs + this.config.maxLockSeconds * 1000;
    for (const [key, state] of this.keys) {
      if (state.lockedUntilMs <= nowMs && nowMs - state.lastFailureMs > horizon) this.keys.delete(key);
    }
    // Still full: drop the oldest entries that are not locked (Map iterates in insertion order).
    for (const [key, state] of this.keys) {
      if (this.keys.size < MAX_KEYS) break;
      if (state.lockedUntilMs <= nowMs) this.keys.delete(key);
    }
  }
}
