import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { ChannelDefinition, Delivery } from '@sightline/contract';
import type { DeliveryConfig } from '../alerts-config.ts';
import { systemClock, type AlertNotification, type Clock, type DeliveryLog, type NotificationDispatcher, type StoredChannel } from '../ports.ts';
import { isRetryable, NotifyError } from './notify-error.ts';
import { channelSecrets, createNotifierRegistry, sendNotification, type NotifierRegistry } from './notifier-registry.ts';
import { redactSecrets } from './redact-secrets.ts';
import { backoffDelayMs } from './retry-backoff.ts';
import { buildTestNotification } from './test-notification.ts';

/** The part of the server's Logger the dispatcher uses (alerts may not import selfmon). */
export interface DispatcherLogger {
  debug(msg: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(msg: string, fields?: Readonly<Record<string, unknown>>): void;
}

export interface NotificationDispatcherOptions {
  readonly deliveryLog: DeliveryLog;
  readonly config: DeliveryConfig;
  /** The UI's address (alerts.publicUrl), for the test notification's link. */
  readonly publicUrl: string;
  readonly logger?: DispatcherLogger;
  readonly clock?: Clock;
  /** Defaults to every built-in notifier. */
  readonly notifiers?: NotifierRegistry;
  /** Waits between attempts; resolves early (or rejects) when `signal` aborts. Default: a timer. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ClosableNotificationDispatcher extends NotificationDispatcher {
  /** Aborts sends in flight and cancels pending retries, recording nothing further; resolves when all have stopped. Idempotent. */
  close(): Promise<void>;
}

type TestChannel = StoredChannel | { readonly id: ''; readonly definition: ChannelDefinition };
type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly retryable: boolean; readonly retryAfterSeconds?: number };

const silentLogger: DispatcherLogger = { debug: () => undefined, warn: () => undefined };
const SHUTTING_DOWN = 'not sent: the server is shutting down';

/**
 * Delivers notifications with retries: up to `maxAttempts` attempts, each bounded by `timeoutMs`,
 * waiting `initialBackoffMs` doubling up to `maxBackoffMs` in between; a refusal that repeating
 * cannot fix (4xx, SMTP 5xx) ends at once. Every attempt goes to the DeliveryLog. Pending retries
 * live in memory only: a restart drops them (the evaluator notifies again on its repeat interval).
 * Error texts are redacted of the channel's secrets before they are logged or recorded.
 */
export function createNotificationDispatcher(options: NotificationDispatcherOptions): ClosableNotificationDispatcher {
  const { deliveryLog, config } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const notifiers = options.notifiers ?? createNotifierRegistry();
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  const closing = new AbortController();
  const running = new Set<Promise<void>>();

  async function attempt(channel: TestChannel, notification: AlertNotification, deliveryId: string, completed: Set<string>): Promise<Outcome> {
    const settings = channel.definition.settings;
    // A plain timer rather than AbortSignal.timeout inside AbortSignal.any: Node 20 may collect that
    // timeout signal before it fires (nodejs/node#57736), leaving the attempt to the HTTP client's own timeout.
    const attemptAbort = new AbortController();
    const onClose = () => attemptAbort.abort(closing.signal.reason);
    if (closing.signal.aborted) onClose();
    else closing.signal.addEventListener('abort', onClose, { once: true });
    const timer = setTimeout(() => attemptAbort.abort(new DOMException('attempt timed out', 'TimeoutError')), config.timeoutMs);
    const signal = attemptAbort.signal;
    try {
      await sendNotification(notifiers, settings, notification, { signal, timeoutMs: config.timeoutMs, deliveryId, completed });
      return { ok: true };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const retryAfterSeconds = error instanceof NotifyError ? error.retryAfterSeconds : undefined;
      return {
        ok: false,
        error: redactSecrets(text, channelSecrets(notifiers, settings)),
        retryable: isRetryable(error),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      };
    } finally {
      clearTimeout(timer);
      closing.signal.removeEventListener('abort', onClose);
    }
  }

  async function record(delivery: Omit<Delivery, 'atMs'>): Promise<void> {
    try {
      await deliveryLog.record({ ...delivery, atMs: clock.nowMs() });
    } catch (error) {
      logger.warn('could not record a notification delivery', { channelId: delivery.channelId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function deliver(channel: StoredChannel, notification: AlertNotification): Promise<void> {
    const deliveryId = randomUUID();
    const completed = new Set<string>();
    const base = { channelId: channel.id, ruleId: notification.ruleId, kind: notification.kind, alertCount: notification.alerts.length };
    const fields = { channelId: channel.id, channelType: channel.definition.settings.type, ruleId: notification.ruleId, kind: notification.kind };
    for (let number = 1; ; number += 1) {
      const outcome = await attempt(channel, notification, deliveryId, completed);
      if (closing.signal.aborted) return;
      if (outcome.ok) {
        await record({ ...base, status: 'sent', attempt: number, error: '' });
        return;
      }
      const last = number >= config.maxAttempts || !outcome.retryable;
      await record({ ...base, status: last ? 'failed' : 'retrying', attempt: number, error: outcome.error });
      if (last) {
        logger.warn('notification not delivered', { ...fields, attempts: number, error: outcome.error });
        return;
      }
      const waitMs = backoffDelayMs(config, number, outcome.retryAfterSeconds);
      logger.debug('notification attempt failed, retrying', { ...fields, attempt: number, waitMs, error: outcome.error });
      await sleep(waitMs, closing.signal).catch(() => undefined);
      if (closing.signal.aborted) return;
    }
  }

  function track(work: Promise<void>): Promise<void> {
    const guarded = work.catch((error: unknown) => {
      logger.warn('notification dispatch failed unexpectedly', { error: error instanceof Error ? error.message : String(error) });
    });
    running.add(guarded);
    void guarded.finally(() => running.delete(guarded));
    return guarded;
  }

  return {
    dispatch(channel, notification) {
      if (closing.signal.aborted) return Promise.resolve();
      return track(deliver(channel, notification));
    },

    async sendTest(channel) {
      if (closing.signal.aborted) return { ok: false, error: SHUTTING_DOWN };
      const notification = buildTestNotification({
        link: `${options.publicUrl.replace(/\/+$/, '')}/alerts/channels`,
        nowMs: clock.nowMs(),
        channelName: channel.definition.name,
      });
      let result = { ok: false, error: SHUTTING_DOWN };
      await track(
        (async () => {
          const outcome = await attempt(channel, notification, randomUUID(), new Set());
          if (closing.signal.aborted) return;
          result = outcome.ok ? { ok: true, error: '' } : { ok: false, error: outcome.error };
          if (channel.id === '') return;
          await record({ channelId: channel.id, ruleId: '', kind: 'test', status: outcome.ok ? 'sent' : 'failed', attempt: 1, alertCount: 1, error: result.error });
        })(),
      );
      return result;
    },

    async close() {
      closing.abort(new Error('notification dispatcher closed'));
      await Promise.allSettled([...running]);
    },
  };
}
