import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCodes, isAppError } from '../../../errors.ts';
import type { IngestMetrics } from '../../../pipeline/ingest-metrics.ts';
import type { RowSink } from '../../../pipeline/row-sink.ts';
import { decodeWriteRequest } from './decode-write-request.ts';
import { mapWriteRequest } from './map-write-request.ts';
import { MetadataCache } from './metadata-cache.ts';
import { frameworkError, remoteWriteStatus } from './remote-write-status.ts';
import { uncompressSnappyBlock } from './snappy-body.ts';

export const REMOTE_WRITE_PATH = '/api/v1/prom/write';
const PROTOCOL = 'prometheus_remote_write';

export interface RemoteWriteDeps {
  readonly sink: RowSink;
  /** Largest body as sent (snappy-compressed). */
  readonly maxBodyBytes: number;
  /** Largest body once inflated (checked against the snappy header before inflating). */
  readonly maxDecompressedBytes: number;
  /** Counts refused requests and items (overload, store failures and accepted items are counted by the sink). */
  readonly metrics?: IngestMetrics;
  /** Metric families whose metadata is remembered across requests (default 10 000). */
  readonly maxMetadataFamilies?: number;
}

const V2_PROTO = 'io.prometheus.write.v2.Request';
const V1_PROTO = 'prometheus.WriteRequest';

function unsupported(message: string): AppError {
  return new AppError(ErrorCodes.REMOTE_WRITE_UNSUPPORTED, message);
}

/** Checks the request is remote write 1.0 (protobuf, snappy), the only version served. */
function checkHeaders(request: FastifyRequest): void {
  const version = request.headers['x-prometheus-remote-write-version'];
  const contentType = request.headers['content-type'] ?? '';
  const [mediaType = '', ...params] = contentType.split(';').map((part) => part.trim());
  const proto = params.find((param) => param.toLowerCase().startsWith('proto='))?.slice('proto='.length);
  if (proto === V2_PROTO || (typeof version === 'string' && version.trim().startsWith('2'))) {
    throw unsupported(`remote write 2.0 (${V2_PROTO}) is not supported; send remote write 1.0 (protobuf_message: ${V1_PROTO})`);
  }
  if (mediaType.toLowerCase() !== 'application/x-protobuf') {
    throw unsupported(`unsupported Content-Type "${contentType}"; remote write sends application/x-protobuf`);
  }
  if (proto !== undefined && proto !== V1_PROTO) throw unsupported(`unsupported protobuf message "${proto}"; send ${V1_PROTO}`);
  const encoding = (request.headers['content-encoding'] ?? 'snappy').trim().toLowerCase();
  if (encoding !== 'snappy') throw unsupported(`unsupported Content-Encoding "${encoding}"; remote write bodies are snappy-compressed`);
}

function sendFailure(reply: FastifyReply, error: unknown, deps: RemoteWriteDeps): FastifyReply {
  const status = remoteWriteStatus(error);
  if (status.outcome !== undefined) deps.metrics?.countRequest('metrics', PROTOCOL, status.outcome);
  if (status.retryAfterSeconds !== undefined) void reply.header('retry-after', String(status.retryAfterSeconds));
  if (status.http >= 500) reply.log.error({ err: error }, 'remote write request failed');
  const message = isAppError(error) && status.http !== 500 ? error.message : 'internal error';
  return reply.code(status.http).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/**
 * Prometheus remote write 1.0 receiver: `POST /api/v1/prom/write` with a snappy-compressed
 * prometheus.WriteRequest. Answers 204 once every point is committed; 400 for bodies or labels
 * the sender must not send again, 413 / 415 for size and format, 429 (Retry-After) under
 * back-pressure and 503 when the store failed, both of which the sender retries.
 * Registered in an encapsulated plugin: its body parser and limits apply to this route only.
 */
export async function registerRemoteWriteRoute(app: FastifyInstance, deps: RemoteWriteDeps): Promise<void> {
  const metadata = new MetadataCache(deps.maxMetadataFamilies ?? 10_000);
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxBodyBytes }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) =>
      sendFailure(reply, isAppError(error) ? error : frameworkError(error), deps),
    );
    scope.post(REMOTE_WRITE_PATH, { bodyLimit: deps.maxBodyBytes }, async (request, reply) => {
      let mapped;
      try {
        checkHeaders(request);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const decoded = decodeWriteRequest(await uncompressSnappyBlock(body, deps.maxDecompressedBytes));
        metadata.remember(decoded.metadata);
        mapped = mapWriteRequest(decoded, metadata.lookup);
        await deps.sink.write('metrics', PROTOCOL, mapped.points);
      } catch (error) {
        return sendFailure(reply, error, deps);
      }
      const refused = mapped.invalid + mapped.skipped;
      if (refused > 0) deps.metrics?.itemsRejected.inc({ signal: 'metrics', protocol: PROTOCOL }, refused);
      if (mapped.skipped > 0) request.log.warn({ skipped: mapped.skipped, reasons: mapped.skippedReasons }, 'remote write items skipped');
      if (mapped.invalid > 0) {
        // The valid series are stored; the sender logs this and does not send the batch again.
        if (mapped.points.length === 0) deps.metrics?.countRequest('metrics', PROTOCOL, 'malformed');
        const message = `${mapped.invalid} samples refused for invalid labels (${mapped.points.length} stored): ${mapped.invalidReasons.join('; ')}`;
        return reply.code(400).type('text/plain; charset=utf-8').send(`${message}\n`);
      }
      return reply.code(204).send();
    });
    done();
  });
}
