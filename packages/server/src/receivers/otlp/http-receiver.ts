import { gunzip, inflate } from 'node:zlib';
import { promisify } from 'node:util';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, ErrorCodes, isAppError } from '../../errors.ts';
import type { IngestProtocol } from '../../pipeline/ingest-metrics.ts';
import type { SignalName } from '../../signals/decoded.ts';
import { authenticateExport, countFailure, exportRequest, type ExportDeps } from './export-handler.ts';
import type { IngestIdentity } from './ingest-auth/ingest-key-verifier.ts';
import type { OtlpFormat } from './otlp-decoder.ts';
import { encodeExportResponse, exportResponseJson } from './response/export-response.ts';
import { encodeRpcStatus, rpcStatusJson } from './response/rpc-status.ts';
import { transportStatus } from './status-map.ts';
import { httpsServerOptions, type TlsMaterial } from '../../config/tls-material.ts';

export interface HttpReceiverOptions {
  readonly maxBodyBytes: number;
  readonly maxDecompressedBytes: number;
  readonly corsOrigins: readonly string[];
  /** HTTPS (and client certificates) of the listener; plain HTTP without. */
  readonly tls?: TlsMaterial;
}

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

const SIGNAL_PATHS: Readonly<Record<string, SignalName>> = { '/v1/traces': 'traces', '/v1/logs': 'logs', '/v1/metrics': 'metrics' };

function formatOf(contentType: string | undefined): OtlpFormat | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

async function decompress(body: Buffer, encoding: string | undefined, limit: number): Promise<Buffer> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return body;
  const options = { maxOutputLength: limit };
  try {
    if (name === 'gzip' || name === 'x-gzip') return await gunzipAsync(body, options);
    if (name === 'deflate') return await inflateAsync(body, options);
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError(ErrorCodes.OTLP_PAYLOAD_TOO_LARGE, `decompressed body exceeds ${limit} bytes`);
    }
    throw new AppError(ErrorCodes.OTLP_DECODE_FAILED, `body is not valid ${name} data: ${(error as Error).message}`);
  }
  throw new AppError(ErrorCodes.OTLP_UNSUPPORTED_MEDIA_TYPE, `unsupported Content-Encoding "${name}"; use gzip, deflate or none`);
}

function protocolOf(format: OtlpFormat | undefined): IngestProtocol {
  return format === 'json' ? 'http_json' : 'http_protobuf';
}

function sendError(reply: FastifyReply, format: OtlpFormat | undefined, error: AppError): FastifyReply {
  const status = transportStatus(error);
  const rpc = { code: status.grpc, message: error.message, retryAfterSeconds: status.retryable ? error.retryAfterSeconds : undefined };
  if (rpc.retryAfterSeconds !== undefined) void reply.header('retry-after', String(rpc.retryAfterSeconds));
  reply.code(status.http);
  if (format === 'protobuf') return reply.type('application/x-protobuf').send(Buffer.from(encodeRpcStatus(rpc)));
  return reply.type('application/json').send(rpcStatusJson(rpc));
}

/** Fastify's own errors (body too large, bad content length) as OTLP error responses. */
function asAppError(error: { statusCode?: number; message: string }): AppError {
  if (error.statusCode === 413) return new AppError(ErrorCodes.OTLP_PAYLOAD_TOO_LARGE, 'request body is larger than the configured limit');
  if (error.statusCode === 415) return new AppError(ErrorCodes.OTLP_UNSUPPORTED_MEDIA_TYPE, error.message);
  if (error.statusCode !== undefined && error.statusCode < 500) return new AppError(ErrorCodes.OTLP_DECODE_FAILED, error.message);
  return new AppError(ErrorCodes.INTERNAL, 'internal error', { cause: error });
}

/** OTLP/HTTP: POST /v1/traces, /v1/logs, /v1/metrics with protobuf or JSON bodies, optionally gzip. */
export async function createHttpReceiver(deps: ExportDeps, options: HttpReceiverOptions): Promise<FastifyInstance> {
  // An https.Server offers everything callers use of the http one (listen, address, closeIdleConnections).
  const app =
    options.tls === undefined
      ? Fastify({ bodyLimit: options.maxBodyBytes, logger: false })
      : (Fastify({ bodyLimit: options.maxBodyBytes, logger: false, https: httpsServerOptions(options.tls) }) as unknown as FastifyInstance);
  if (options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: options.corsOrigins.includes('*') ? true : [...options.corsOrigins],
      methods: ['POST', 'OPTIONS'],
    });
  }
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const appError = isAppError(error) ? error : asAppError(error);
    const signal = SIGNAL_PATHS[request.url.split('?')[0] ?? ''];
    const format = formatOf(request.headers['content-type']);
    if (signal !== undefined) countFailure(deps, signal, protocolOf(format), appError);
    return sendError(reply, format, appError);
  });

  // Who sent each request (ingest key), settled in onRequest: before the body is read.
  const senders = new WeakMap<FastifyRequest, IngestIdentity>();
  for (const [path, signal] of Object.entries(SIGNAL_PATHS)) {
    const onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (deps.gate === undefined) return;
      const format = formatOf(request.headers['content-type']);
      try {
        const identity = authenticateExport(deps, signal, protocolOf(format), request.headers[deps.gate.header]);
        if (identity !== undefined) senders.set(request, identity);
      } catch (error) {
        if (!isAppError(error)) throw error;
        void reply.header('www-authenticate', 'Bearer');
        await sendError(reply, format, error);
      }
    };
    app.post(path, { onRequest }, async (request: FastifyRequest, reply: FastifyReply) => {
      const format = formatOf(request.headers['content-type']);
      const protocol = protocolOf(format);
      let body: Buffer;
      try {
        if (format === undefined) {
          throw new AppError(
            ErrorCodes.OTLP_UNSUPPORTED_MEDIA_TYPE,
            `unsupported Content-Type "${request.headers['content-type'] ?? ''}"; use application/x-protobuf or application/json`,
          );
        }
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        body = await decompress(raw, request.headers['content-encoding'], options.maxDecompressedBytes);
      } catch (error) {
        const appError = isAppError(error) ? error : new AppError(ErrorCodes.INTERNAL, 'internal error', { cause: error });
        countFailure(deps, signal, protocol, appError);
        return sendError(reply, format, appError);
      }
      try {
        const outcome = await exportRequest(deps, signal, protocol, format, body, senders.get(request));
        reply.code(200);
        if (format === 'protobuf') {
          return reply.type('application/x-protobuf').send(Buffer.from(encodeExportResponse(signal, outcome.rejected, outcome.rejectionMessage)));
        }
        return reply.type('application/json').send(exportResponseJson(signal, outcome.rejected, outcome.rejectionMessage));
      } catch (error) {
        // exportRequest has counted the failure already.
        return sendError(reply, format, isAppError(error) ? error : new AppError(ErrorCodes.INTERNAL, 'internal error', { cause: error }));
      }
    });
  }
  return app;
}
