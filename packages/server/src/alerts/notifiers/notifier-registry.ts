import type { ChannelType } from '@sightline/contract';
import type { AlertNotification } from '../ports.ts';
import { createEmailNotifier, type EmailNotifierOptions } from './email-notifier.ts';
import type { Notifier, SendContext, SettingsOf } from './notifier.ts';
import { opsgenieNotifier } from './opsgenie-notifier.ts';
import { pagerDutyNotifier } from './pagerduty-notifier.ts';
import { slackNotifier } from './slack-notifier.ts';
import { teamsNotifier } from './teams-notifier.ts';
import { webhookNotifier } from './webhook-notifier.ts';

/** One notifier per channel type: adding a type is one entry here (and its settings in the contract). */
export type NotifierRegistry = { readonly [T in ChannelType]: Notifier<T> };

export interface NotifierRegistryOptions {
  readonly email?: EmailNotifierOptions;
}

export function createNotifierRegistry(options: NotifierRegistryOptions = {}): NotifierRegistry {
  return {
    webhook: webhookNotifier,
    slack: slackNotifier,
    teams: teamsNotifier,
    pagerduty: pagerDutyNotifier,
    opsgenie: opsgenieNotifier,
    email: createEmailNotifier(options.email),
  };
}

/** Sends through the notifier registered for the settings' type. */
export function sendNotification<T extends ChannelType>(
  registry: NotifierRegistry,
  settings: SettingsOf<T>,
  notification: AlertNotification,
  context: SendContext,
): Promise<void> {
  const notifier: Notifier<T> = registry[settings.type];
  return notifier.send(settings, notification, context);
}

/** The settings' values that must never reach a log or the delivery history. */
export function channelSecrets<T extends ChannelType>(registry: NotifierRegistry, settings: SettingsOf<T>): string[] {
  const notifier: Notifier<T> = registry[settings.type];
  return notifier.secrets(settings);
}
