/**
 * The ingest key a request carries. In `authorization` it is `Bearer <key>` (scheme case-insensitive)
 * or the bare key; any other header carries the bare key. Values arrive as HTTP header values
 * (string or string[]) or gRPC metadata values (string or Buffer).
 */
export type CredentialValue = string | Buffer | readonly (string | Buffer)[] | undefined;

const BEARER = /^bearer(?:[ \t]+|$)/i;

function first(value: CredentialValue): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  const head = (value as readonly (string | Buffer)[])[0];
  return head === undefined ? undefined : first(head);
}

/** The key in the header's value, or '' when there is none. Repeated headers: the first counts. */
export function credentialOf(header: string, value: CredentialValue): string {
  const text = first(value)?.trim() ?? '';
  if (header === 'authorization') return text.replace(BEARER, '').trim();
  return text;
}
