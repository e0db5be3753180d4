/**
 * The channel form's state (text as typed, every type's fields kept while the type is switched) and its
 * mapping to and from a channel definition, with a message per field for whatever is wrong. Pure.
 */

import { channelDefinitionSchema, opsgenieChannelSchema, pagerDutyChannelSchema, type ChannelDefinition, type ChannelType } from '@sightline/contract';

export type UrlChannelType = Exclude<ChannelType, 'email'>;
export type EmailSecurity = 'none' | 'starttls' | 'tls';

export interface HeaderRow {
  readonly name: string;
  readonly value: string;
}

export interface ChannelFormInput {
  readonly name: string;
  readonly type: ChannelType;
  /** Each type's URL, so switching the type does not carry a Slack URL into PagerDuty. */
  readonly urls: Readonly<Record<UrlChannelType, string>>;
  readonly hmacSecret: string;
  readonly headers: readonly HeaderRow[];
  readonly routingKey: string;
  readonly apiKey: string;
  readonly host: string;
  readonly port: string;
  readonly security: EmailSecurity;
  readonly requireTls: boolean;
  readonly username: string;
  readonly password: string;
  readonly from: string;
  /** Recipients separated by commas, semicolons, spaces or new lines. */
  readonly to: string;
}

export type ChannelField =
  'name' | 'url' | 'hmacSecret' | 'headers' | 'routingKey' | 'apiKey' | 'host' | 'port' | 'security' | 'username' | 'password' | 'from' | 'to';

const CHANNEL_FIELDS: readonly ChannelField[] = [
  'name',
  'url',
  'hmacSecret',
  'headers',
  'routingKey',
  'apiKey',
  'host',
  'port',
  'security',
  'username',
  'password',
  'from',
  'to',
];

/** The services' own endpoints, as the contract defaults them. */
export const DEFAULT_URLS: Readonly<Record<'pagerduty' | 'opsgenie', string>> = {
  pagerduty: pagerDutyChannelSchema.parse({ type: 'pagerduty', routingKey: 'x' }).url,
  opsgenie: opsgenieChannelSchema.parse({ type: 'opsgenie', apiKey: 'x' }).url,
};

const PORT_FOR_SECURITY: Readonly<Record<EmailSecurity, string>> = { none: '25', starttls: '587', tls: '465' };

export function emptyChannelForm(): ChannelFormInput {
  return {
    name: '',
    type: 'webhook',
    urls: { webhook: '', slack: '', teams: '', pagerduty: DEFAULT_URLS.pagerduty, opsgenie: DEFAULT_URLS.opsgenie },
    hmacSecret: '',
    headers: [],
    routingKey: '',
    apiKey: '',
    host: '',
    port: PORT_FOR_SECURITY.starttls,
    security: 'starttls',
    requireTls: false,
    username: '',
    password: '',
    from: '',
    to: '',
  };
}

/** The port after the security mode changed: a usual port follows the mode (465 for TLS), a custom one stays. */
export function portForSecurity(port: string, security: EmailSecurity): string {
  return Object.values(PORT_FOR_SECURITY).includes(port.trim()) ? PORT_FOR_SECURITY[security] : port;
}

export function formFromDefinition(definition: ChannelDefinition): ChannelFormInput {
  const form = { ...emptyChannelForm(), name: definition.name, type: definition.settings.type };
  const s = definition.settings;
  switch (s.type) {
    case 'webhook':
      return {
        ...form,
        urls: { ...form.urls, webhook: s.url },
        hmacSecret: s.hmacSecret ?? '',
        headers: Object.entries(s.headers).map(([name, value]) => ({ name, value })),
      };
    case 'slack':
    case 'teams':
      return { ...form, urls: { ...form.urls, [s.type]: s.url } };
    case 'pagerduty':
      return { ...form, urls: { ...form.urls, pagerduty: s.url }, routingKey: s.routingKey };
    case 'opsgenie':
      return { ...form, urls: { ...form.urls, opsgenie: s.url }, apiKey: s.apiKey };
    case 'email':
      return {
        ...form,
        host: s.host,
        port: String(s.port),
        security: s.security,
        requireTls: s.requireTls,
        username: s.username ?? '',
        password: s.password ?? '',
        from: s.from,
        to: s.to.join(', '),
      };
  }
}

export function splitRecipients(text: string): string[] {
  return text.split(/[\s,;]+/).filter((address) => address !== '');
}

function headerProblem(rows: readonly HeaderRow[]): string | undefined {
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' && row.value === '') continue;
    if (name === '') return 'Name each header, or remove its row.';
    if (!/^[A-Za-z0-9-]{1,100}$/.test(name)) return `“${name}”: header names are letters, digits and “-”.`;
    if (seen.has(name.toLowerCase())) return `“${name}” is listed twice.`;
    seen.add(name.toLowerCase());
  }
  return undefined;
}

function settingsOf(form: ChannelFormInput): Record<string, unknown> {
  const optional = (key: string, value: string): Record<string, string> => (value === '' ? {} : { [key]: value });
  switch (form.type) {
    case 'webhook':
      return {
        type: 'webhook',
        url: form.urls.webhook.trim(),
        ...optional('hmacSecret', form.hmacSecret),
        headers: Object.fromEntries(form.headers.filter((h) => h.name.trim() !== '').map((h) => [h.name.trim(), h.value])),
      };
    case 'slack':
    case 'teams':
      return { type: form.type, url: form.urls[form.type].trim() };
    case 'pagerduty':
      return { type: 'pagerduty', routingKey: form.routingKey.trim(), url: form.urls.pagerduty.trim() };
    case 'opsgenie':
      return { type: 'opsgenie', apiKey: form.apiKey.trim(), url: form.urls.opsgenie.trim() };
    case 'email':
      return {
        type: 'email',
        host: form.host.trim(),
        port: /^\d{1,5}$/.test(form.port.trim()) ? Number(form.port.trim()) : Number.NaN,
        security: form.security,
        requireTls: form.requireTls,
        ...optional('username', form.username.trim()),
        ...optional('password', form.password),
        from: form.from.trim(),
        to: splitRecipients(form.to),
      };
  }
}

/** The form field an issue path (as the API or the contract reports it) belongs to. */
export function channelFieldOfPath(path: readonly PropertyKey[]): ChannelField | undefined {
  if (path[0] === 'name') return 'name';
  if (path[0] !== 'settings') return undefined;
  const key = path[1];
  return CHANNEL_FIELDS.find((field) => field === key);
}

const FRIENDLY: Readonly<Partial<Record<ChannelField, string>>> = {
  name: 'Enter a name (up to 200 characters).',
  url: 'Enter an http:// or https:// URL.',
  routingKey: 'Enter the integration’s routing key.',
  apiKey: 'Enter the API key.',
  host: 'Enter the SMTP server’s host name.',
  port: 'Enter a port number (1–65535).',
  from: 'Enter the sender address.',
  to: 'Enter 1 to 50 recipient addresses.',
};

/** The problems left once the fields in `patch` were edited (a new type starts over). */
export function problemsAfterEdit(problems: Partial<Record<ChannelField, string>>, patch: Partial<ChannelFormInput>): Partial<Record<ChannelField, string>> {
  if (patch.type !== undefined) return {};
  const edited = new Set<string>(Object.keys(patch).map((key) => (key === 'urls' ? 'url' : key)));
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !edited.has(field)));
}

export type ChannelFormResult =
  | { readonly ok: true; readonly definition: ChannelDefinition }
  | { readonly ok: false; readonly problems: Partial<Record<ChannelField, string>>; readonly unplaced: readonly string[] };

/** The definition to send, or a message for each field that is wrong (checked against the contract). */
export function definitionFromForm(form: ChannelFormInput): ChannelFormResult {
  const problems: Partial<Record<ChannelField, string>> = {};
  const unplaced: string[] = [];
  const headers = form.type === 'webhook' ? headerProblem(form.headers) : undefined;
  if (headers !== undefined) problems.headers = headers;
  const parsed = channelDefinitionSchema.safeParse({ name: form.name.trim(), settings: settingsOf(form) });
  if (parsed.success && headers === undefined) return { ok: true, definition: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const field = channelFieldOfPath(issue.path);
    if (field === undefined) unplaced.push(`${issue.path.map(String).join('.')}: ${issue.message}`);
    else problems[field] ??= FRIENDLY[field] ?? issue.message;
  }
  return { ok: false, problems, unplaced };
}
