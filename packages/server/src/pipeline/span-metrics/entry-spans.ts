import { SpanKind, type SpanRow } from '../../signals/span.ts';

/** OTLP span flags: whether the parent's is-remote state is known, and whether the parent is remote. */
export const SPAN_FLAG_HAS_IS_REMOTE = 0x100;
export const SPAN_FLAG_IS_REMOTE = 0x200;

/** A span id as a short string key (four UTF-16 units for eight bytes). */
function spanIdKey(id: Uint8Array): string {
  return String.fromCharCode(((id[0] ?? 0) << 8) | (id[1] ?? 0), ((id[2] ?? 0) << 8) | (id[3] ?? 0), ((id[4] ?? 0) << 8) | (id[5] ?? 0), ((id[6] ?? 0) << 8) | (id[7] ?? 0));
}

function isRootParent(parentSpanId: Uint8Array): boolean {
  for (let index = 0; index < parentSpanId.length; index++) if (parentSpanId[index] !== 0) return false;
  return true;
}

/**
 * Tells which spans of one request are entries into their service (the service's requests): root
 * spans; spans whose parent is remote (span flags); spans whose parent is in the request but from
 * another service; and, when the sender says nothing about the parent and it is not in the
 * request, server and consumer spans.
 */
export class EntrySpanDetector {
  private servicesBySpanId: Map<string, string> | undefined;
  private oneService: boolean | undefined;

  constructor(
    private readonly spans: readonly SpanRow[],
    private readonly serviceOf: (span: SpanRow) => string,
  ) {}

  isEntry(span: SpanRow, service: string): boolean {
    if (isRootParent(span.parentSpanId)) return true;
    const remoteKnown = (span.flags & SPAN_FLAG_HAS_IS_REMOTE) !== 0;
    if (remoteKnown && (span.flags & SPAN_FLAG_IS_REMOTE) !== 0) return true;
    const serverSide = span.kind === SpanKind.SERVER || span.kind === SpanKind.CONSUMER;
    // With one service in the request no parent here is from another service: only the last rule
    // can apply, so most requests never index their spans.
    if (this.hasOneService()) return !remoteKnown && serverSide && !this.services().has(spanIdKey(span.parentSpanId));
    const parentService = this.services().get(spanIdKey(span.parentSpanId));
    if (parentService !== undefined) return parentService !== service;
    return !remoteKnown && serverSide;
  }

  private hasOneService(): boolean {
    if (this.oneService === undefined) {
      this.oneService = true;
      let resource: SpanRow['resource'] | undefined;
      let first: string | undefined;
      for (const span of this.spans) {
        if (span.resource === resource) continue;
        resource = span.resource;
        const service = this.serviceOf(span);
        first ??= service;
        if (service !== first) {
          this.oneService = false;
          break;
        }
      }
    }
    return this.oneService;
  }

  /** Service of each span by span id, built on first need. */
  private services(): Map<string, string> {
    if (this.servicesBySpanId === undefined) {
      this.servicesBySpanId = new Map();
      for (const span of this.spans) this.servicesBySpanId.set(spanIdKey(span.spanId), this.serviceOf(span));
    }
    return this.servicesBySpanId;
  }
}
