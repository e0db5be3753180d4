import assert from 'node:assert/strict';

export interface EventuallyOptions {
  readonly timeoutMs?: number;
  readonly pauseMs?: number;
}

/** Polls `probe` until it gives a value (not undefined); fails naming `what` after the timeout. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, options: EventuallyOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 250));
  }
}
