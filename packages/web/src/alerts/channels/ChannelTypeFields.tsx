import { FormField, TextField } from '../FormField.tsx';
import type { ChannelField, ChannelFormInput, EmailSecurity, UrlChannelType } from './channel-form.ts';
import { DEFAULT_URLS, portForSecurity } from './channel-form.ts';
import { HeaderRows } from './HeaderRows.tsx';

export interface TypeFieldsProps {
  readonly formId: string;
  readonly input: ChannelFormInput;
  readonly problems: Partial<Record<ChannelField, string>>;
  readonly onChange: (patch: Partial<ChannelFormInput>) => void;
}

const URL_LABELS: Readonly<Record<UrlChannelType, { readonly label: string; readonly placeholder: string; readonly hint?: string }>> = {
  webhook: { label: 'URL', placeholder: 'https://hooks.example.com/sightline', hint: 'Receives a JSON POST for each notification.' },
  slack: { label: 'Incoming webhook URL', placeholder: 'https://hooks.slack.com/services/…' },
  teams: { label: 'Workflow / incoming webhook URL', placeholder: 'https://…/workflows/…', hint: 'The message is an Adaptive Card.' },
  pagerduty: { label: 'Events API URL', placeholder: DEFAULT_URLS.pagerduty, hint: 'Change it only to go through a relay or proxy.' },
  opsgenie: { label: 'Alert API base URL', placeholder: DEFAULT_URLS.opsgenie, hint: 'EU accounts: https://api.eu.opsgenie.com' },
};

const SECURITY_LABELS: Readonly<Record<EmailSecurity, string>> = {
  starttls: 'STARTTLS (upgrade when offered)',
  tls: 'TLS from the start (port 465)',
  none: 'None (plain text)',
};

/** The fields of the selected channel type. */
export function ChannelTypeFields({ formId, input, problems, onChange }: TypeFieldsProps) {
  const fieldId = (name: string): string => `${formId}-${name}`;
  const text = (
    name: 'routingKey' | 'apiKey' | 'host' | 'username' | 'password' | 'from' | 'hmacSecret',
    label: string,
    options: { secret?: boolean; placeholder?: string; hint?: string; wide?: boolean } = {},
  ) => (
    <TextField
      id={fieldId(name)}
      label={label}
      problem={problems[name]}
      hint={options.hint}
      className={options.wide === true ? 'field-wide' : undefined}
      name={name}
      type={options.secret === true ? 'password' : 'text'}
      autoComplete={options.secret === true ? 'new-password' : 'off'}
      spellCheck={false}
      placeholder={options.placeholder}
      value={input[name]}
      onChange={(value) => onChange({ [name]: value })}
    />
  );

  if (input.type === 'email') {
    return (
      <>
        <div className="filter-row">
          {text('host', 'SMTP host', { placeholder: 'smtp.example.com' })}
          <TextField
            id={fieldId('port')}
            label="Port"
            problem={problems.port}
            className="field-narrow"
            name="port"
            inputMode="numeric"
            value={input.port}
            onChange={(port) => onChange({ port })}
          />
          <FormField id={fieldId('security')} label="Security" problem={problems.security}>
            {(control) => (
              <select
                {...control}
                name="security"
                value={input.security}
                onChange={(event) => {
                  const security = event.target.value as EmailSecurity;
                  onChange({ security, port: portForSecurity(input.port, security) });
                }}
              >
                {(Object.keys(SECURITY_LABELS) as EmailSecurity[]).map((mode) => (
                  <option key={mode} value={mode}>
                    {SECURITY_LABELS[mode]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <label className="check channel-check">
            <input type="checkbox" checked={input.requireTls} onChange={(event) => onChange({ requireTls: event.target.checked })} />
            Require TLS (never send in plain text)
          </label>
        </div>
        <div className="filter-row">
          {text('username', 'Username (optional)')}
          {text('password', 'Password (optional)', { secret: true })}
        </div>
        <div className="filter-row">
          {text('from', 'From', { placeholder: 'Sightline <alerts@example.com>' })}
          <TextField
            id={fieldId('to')}
            label="To"
            problem={problems.to}
            hint="One or more addresses, separated by commas."
            className="field-wide"
            name="to"
            spellCheck={false}
            placeholder="oncall@example.com, team@example.com"
            value={input.to}
            onChange={(to) => onChange({ to })}
          />
        </div>
      </>
    );
  }

  const type = input.type;
  const url = URL_LABELS[type];
  return (
    <>
      <div className="filter-row">
        <TextField
          id={fieldId('url')}
          label={url.label}
          problem={problems.url}
          hint={url.hint}
          className="field-wide"
          name="url"
          type="url"
          spellCheck={false}
          autoComplete="off"
          placeholder={url.placeholder}
          value={input.urls[type]}
          onChange={(value) => onChange({ urls: { ...input.urls, [type]: value } })}
        />
        {type === 'pagerduty' && text('routingKey', 'Routing key', { secret: true, hint: 'The integration key of an Events API v2 integration.' })}
        {type === 'opsgenie' && text('apiKey', 'API key', { secret: true })}
        {type === 'webhook' && text('hmacSecret', 'HMAC secret (optional)', { secret: true, hint: 'Signs the body: X-Sightline-Signature: sha256=<hex>.' })}
      </div>
      {type === 'webhook' && (
        <HeaderRows id={fieldId('headers')} rows={input.headers} problem={problems.headers} onChange={(headers) => onChange({ headers })} />
      )}
    </>
  );
}
