/**
 * A channel's target in one line for the list, with every secret masked: keys, passwords and HMAC
 * secrets show at most their last 4 characters, and so do chat webhook URLs (their path is the token).
 * Pure.
 */

import type { ChannelSettings, ChannelType } from '@sightline/contract';

export const MASK = '••••';

/** Secrets shorter than this are masked whole: their last 4 characters would give away too much. */
const SHORTEST_WITH_TAIL = 8;

/** `••••abcd` (the last 4 characters), or `••••` for short secrets; empty stays empty. */
export function maskSecret(secret: string): string {
  if (secret === '') return '';
  if (secret.length < SHORTEST_WITH_TAIL) return MASK;
  return `${MASK}${secret.slice(-4)}`;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A chat webhook URL, whose path and query are its credential: `https://hooks.slack.com/…••••abcd`. */
export function maskTokenUrl(url: string): string {
  const parsed = parseUrl(url);
  if (parsed === undefined) return maskSecret(url);
  const rest = `${parsed.pathname}${parsed.search}`;
  return rest === '/' || rest === '' ? parsed.origin : `${parsed.origin}/…${maskSecret(rest)}`;
}

/** A webhook URL as configured, but with a password and query values masked (they often carry tokens). */
export function maskUrlSecrets(url: string): string {
  const parsed = parseUrl(url);
  if (parsed === undefined) return url;
  const user = parsed.username === '' ? '' : `${parsed.username}${parsed.password === '' ? '' : `:${MASK}`}@`;
  const query = [...parsed.searchParams].map(([name, value]) => `${name}=${maskSecret(value)}`).join('&');
  return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}${query === '' ? '' : `?${query}`}`;
}

export const CHANNEL_TYPE_LABELS: Readonly<Record<ChannelType, string>> = {
  webhook: 'Webhook',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  email: 'Email (SMTP)',
};

const SECURITY_TEXT = { none: 'no TLS', starttls: 'STARTTLS', tls: 'TLS' } as const;

/** Up to `shown` recipients and how many more: `a@x, b@y +3`. */
function recipients(to: readonly string[], shown = 2): string {
  const listed = to.slice(0, shown).join(', ');
  return to.length > shown ? `${listed} +${to.length - shown}` : listed;
}

/** Where a channel sends, in one line, secrets masked. */
export function channelTargetSummary(settings: ChannelSettings): string {
  switch (settings.type) {
    case 'webhook': {
      const parts = [`POST ${maskUrlSecrets(settings.url)}`];
      if (settings.hmacSecret !== undefined) parts.push(`signed (HMAC ${maskSecret(settings.hmacSecret)})`);
      const headers = Object.keys(settings.headers);
      if (headers.length > 0) parts.push(`headers: ${headers.join(', ')}`);
      return parts.join(' · ');
    }
    case 'slack':
    case 'teams':
      return maskTokenUrl(settings.url);
    case 'pagerduty':
      return `routing key ${maskSecret(settings.routingKey)} · ${hostOf(settings.url)}`;
    case 'opsgenie':
      return `API key ${maskSecret(settings.apiKey)} · ${hostOf(settings.url)}`;
    case 'email': {
      const login = settings.username === undefined || settings.username === '' ? '' : ` as ${settings.username}`;
      return `${settings.host}:${settings.port} (${SECURITY_TEXT[settings.security]}${settings.requireTls ? ', required' : ''})${login} · ${settings.from} → ${recipients(settings.to)}`;
    }
  }
}

function hostOf(url: string): string {
  return parseUrl(url)?.host ?? url;
}
