import type { ConnectionOptions } from 'node:tls';
import { createTransport } from 'nodemailer';
import { emailHtml, emailSubject, emailText } from './email-body.ts';
import { NotifyError } from './notify-error.ts';
import type { Notifier, SendContext, SettingsOf } from './notifier.ts';

export interface EmailNotifierOptions {
  /** Extra TLS options (tests trust a self-signed certificate with them; production uses the system CAs). */
  readonly tls?: ConnectionOptions;
}

interface SmtpFailure {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly message?: unknown;
}

/**
 * `security`: `tls` is TLS from the first byte; `starttls` upgrades when the server offers it;
 * `none` never upgrades. `requireTls` makes the upgrade mandatory (with `none` too: the stricter
 * setting wins), so a server without STARTTLS fails the send instead of receiving clear text.
 */
export function smtpTransportOptions(settings: SettingsOf<'email'>, timeoutMs: number, tls: ConnectionOptions | undefined) {
  const secure = settings.security === 'tls';
  return {
    host: settings.host,
    port: settings.port,
    secure,
    requireTLS: !secure && settings.requireTls,
    ignoreTLS: settings.security === 'none' && !settings.requireTls,
    ...(settings.username === undefined || settings.username === '' ? {} : { auth: { user: settings.username, pass: settings.password ?? '' } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(tls === undefined ? {} : { tls }),
  };
}

/** SMTP 5xx replies and rejected credentials are final; network trouble and 4xx replies are worth another try. */
function toNotifyError(error: unknown, settings: SettingsOf<'email'>, context: SendContext): NotifyError {
  const where = `${settings.host}:${settings.port}`;
  if (context.signal.aborted) {
    const reason: unknown = context.signal.reason;
    const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
    return new NotifyError(timedOut ? `SMTP ${where}: no answer within ${context.timeoutMs} ms` : `SMTP ${where}: cancelled`, { retryable: true });
  }
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const code = typeof failure.code === 'string' ? failure.code : '';
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : 0;
  const retryable = code !== 'EAUTH' && responseCode < 500;
  return new NotifyError(`SMTP ${where}: ${code === '' || message.includes(code) ? '' : `${code} `}${message}`, { retryable, cause: error });
}

export function createEmailNotifier(options: EmailNotifierOptions = {}): Notifier<'email'> {
  return {
    type: 'email',
    async send(settings, notification, context) {
      const transport = createTransport(smtpTransportOptions(settings, context.timeoutMs, options.tls));
      let onAbort = (): void => undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(new Error('aborted'));
        if (context.signal.aborted) onAbort();
        else context.signal.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => undefined);
      const sending = transport.sendMail({
        from: settings.from,
        to: settings.to,
        subject: emailSubject(notification),
        text: emailText(notification),
        html: emailHtml(notification),
      });
      // When the abort wins the race, the send's own failure (its socket is closed below) is not needed.
      sending.catch(() => undefined);
      try {
        await Promise.race([sending, aborted]);
      } catch (error) {
        throw toNotifyError(error, settings, context);
      } finally {
        context.signal.removeEventListener('abort', onAbort);
        transport.close();
      }
    },
    secrets: (settings) => [settings.password ?? ''],
  };
}
