import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime-message.ts';

/** One message a recorder accepted. */
export interface ReceivedMail extends ParsedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  /** The session ran over TLS (STARTTLS or implicit). */
  readonly secure: boolean;
  /** The user that authenticated, if any, and with which SASL method. */
  readonly user: string | undefined;
  readonly authMethod: string | undefined;
}

export interface SmtpRecorderOptions {
  /** Offer STARTTLS (with smtp-server's built-in self-signed certificate). Default true. */
  readonly starttls?: boolean;
  /** Require AUTH with these credentials. */
  readonly credentials?: { readonly username: string; readonly password: string };
}

export interface SmtpRecorder {
  readonly port: number;
  readonly messages: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on loopback that keeps every message it accepts. */
export async function startSmtpRecorder(options: SmtpRecorderOptions = {}): Promise<SmtpRecorder> {
  const messages: ReceivedMail[] = [];
  const methods = new Map<string, string>();
  const credentials = options.credentials;
  const serverOptions: SMTPServerOptions = {
    logger: false,
    disabledCommands: [...(options.starttls === false ? ['STARTTLS'] : []), ...(credentials === undefined ? ['AUTH'] : [])],
    authOptional: credentials === undefined,
    allowInsecureAuth: true,
    onAuth(auth, session, callback) {
      if (credentials !== undefined && auth.username === credentials.username && auth.password === credentials.password) {
        methods.set(session.id, auth.method);
        callback(null, { user: auth.username ?? '' });
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        const from = session.envelope.mailFrom;
        messages.push({
          ...parsed,
          envelopeFrom: from === false ? '' : from.address,
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
          authMethod: methods.get(session.id),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
