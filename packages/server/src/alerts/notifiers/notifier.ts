import type { ChannelSettings, ChannelType } from '@sightline/contract';
import type { AlertNotification } from '../ports.ts';

/** The settings of one channel type. */
export type SettingsOf<T extends ChannelType> = Extract<ChannelSettings, { type: T }>;

/** What one send attempt gets from the dispatcher. */
export interface SendContext {
  /** Aborted when the attempt times out or the dispatcher closes. */
  readonly signal: AbortSignal;
  /** The attempt's timeout (the signal enforces it; SMTP also uses it for its socket timeouts). */
  readonly timeoutMs: number;
  /** One id per dispatched notification, the same for all its attempts (webhook `X-Sightline-Delivery`). */
  readonly deliveryId: string;
  /**
   * Keys of the requests that already succeeded in an earlier attempt of this notification.
   * Notifiers sending several requests (one event per alert) add to it and skip those on retry.
   */
  readonly completed: Set<string>;
}

/** Turns a notification into the request(s) one kind of service documents. Throws NotifyError on failure. */
export interface Notifier<T extends ChannelType> {
  readonly type: T;
  send(settings: SettingsOf<T>, notification: AlertNotification, context: SendContext): Promise<void>;
  /** Values of the settings to keep out of logs and the delivery history (keys, passwords, tokenized URLs). */
  secrets(settings: SettingsOf<T>): string[];
}
