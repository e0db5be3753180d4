import type { SpanFacts } from './span-facts.ts';

/** What an id-like path segment becomes in an operation name. */
export const ID_PLACEHOLDER = '{id}';

const NUMBER = /^\d+$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX = /^(?:0x)?[0-9a-f]+$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Path segments: runs between slashes and blanks. */
const SEGMENT = /[^/\s]+/g;

function digitsIn(segment: string): number {
  let digits = 0;
  for (let index = 0; index < segment.length; index++) {
    const code = segment.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

/**
 * Whether a path segment names one thing rather than a kind of thing: numbers, UUIDs, long hex
 * (object ids, hashes), emails, and longer tokens made up largely of digits (`INV-2024-0001`,
 * `a8Kx93mQ0zT7`). Short words with a digit (`v2`, `oauth2`, `sha256`) stay.
 */
export function isIdLikeSegment(segment: string): boolean {
  if (NUMBER.test(segment) || UUID.test(segment) || EMAIL.test(segment)) return true;
  const digits = digitsIn(segment);
  if (HEX.test(segment) && (segment.length >= 16 || (segment.length >= 8 && digits > 0))) return true;
  if (digits === 0) return false;
  return segment.length >= 16 || (segment.length >= 10 && digits >= 2) || (segment.length >= 6 && digits * 2 > segment.length);
}

/** `GET /users/123/orders?x=1` → `GET /users/{id}/orders`: ids become placeholders, the query goes. */
export function normalizeHttpSpanName(name: string): string {
  const queryStart = name.search(/[?#]/);
  const path = queryStart < 0 ? name : name.slice(0, queryStart);
  return path.replace(SEGMENT, (segment) => (isIdLikeSegment(segment) ? ID_PLACEHOLDER : segment));
}

/**
 * The operation a span is aggregated under. HTTP spans named by their method only take their route
 * (`GET` + `/users/:id` → `GET /users/:id`); HTTP spans without a route have ids in their names
 * replaced when `normalize` is on. Other spans keep their names. Caches names per instance (a request).
 */
export class OperationNamer {
  private readonly normalized = new Map<string, string>();

  constructor(private readonly normalize: boolean) {}

  operationOf(name: string, facts: SpanFacts): string {
    const method = facts.get('httpMethod');
    if (method === '') return name;
    const route = facts.get('httpRoute');
    if (route !== '') return name === method ? `${name} ${route}` : name;
    if (!this.normalize) return name;
    let operation = this.normalized.get(name);
    if (operation === undefined) {
      operation = normalizeHttpSpanName(name);
      this.normalized.set(name, operation);
    }
    return operation;
  }
}
