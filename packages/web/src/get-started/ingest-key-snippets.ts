/** How setup snippets carry an ingest key when the server requires one (server-info `ingestAuth`). Pure. */

export interface IngestAuthInfo {
  readonly required: boolean;
  /** Lower-case header name: `authorization` takes "Bearer <key>", any other header the bare key. */
  readonly header: string;
}

/** Stands for the user's key in snippets (inside quotes in shell code, so `<` is no redirection). */
export const KEY_PLACEHOLDER = '<ingest-key>';

/** The header's value as an exporter must send it. */
export function ingestHeaderValue(auth: IngestAuthInfo, key = KEY_PLACEHOLDER): string {
  return auth.header === 'authorization' ? `Bearer ${key}` : key;
}

/** W3C baggage value octets are printable ASCII except `"`, `,`, `;`, `\` (and `%` starts an escape). */
function isBaggageOctet(code: number): boolean {
  return code >= 0x21 && code <= 0x7e && code !== 0x22 && code !== 0x2c && code !== 0x3b && code !== 0x5c && code !== 0x25;
}

/** Percent-encodes what a W3C baggage value may not hold (the space of "Bearer <key>" becomes %20). */
export function encodeBaggageValue(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    out += isBaggageOctet(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The value of OTEL_EXPORTER_OTLP_HEADERS: `name=value` pairs in the W3C baggage format, values
 * percent-encoded, as the OTLP exporter specification defines for that variable.
 */
export function otlpHeadersEnvValue(auth: IngestAuthInfo, key = KEY_PLACEHOLDER): string {
  return `${auth.header}=${encodeBaggageValue(ingestHeaderValue(auth, key))}`;
}
