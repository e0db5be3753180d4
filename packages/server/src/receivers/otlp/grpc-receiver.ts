import {
  Metadata,
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { AppError, ErrorCodes, isAppError } from '../../errors.ts';
import type { SignalName } from '../../signals/decoded.ts';
import { authenticateExport, exportRequest, type ExportDeps } from './export-handler.ts';
import type { IngestIdentity } from './ingest-auth/ingest-key-verifier.ts';
import { encodeExportResponse } from './response/export-response.ts';
import { encodeRpcStatus } from './response/rpc-status.ts';
import { transportStatus } from './status-map.ts';
import type { TlsMaterial } from '../../config/tls-material.ts';
import { reloadableServerCredentials } from './grpc-tls-credentials.ts';

export interface GrpcReceiverOptions {
  readonly host: string;
  readonly port: number;
  readonly maxMessageBytes: number;
  /** TLS (and client certificates) of the listener; plaintext without. */
  readonly tls?: TlsMaterial;
}

const identity = (buffer: Buffer): Buffer => buffer;

/** Messages pass through as bytes: our own decoder reads them (on worker threads). */
function exportService(pkg: string, service: string): ServiceDefinition {
  return {
    Export: {
      path: `/opentelemetry.proto.collector.${pkg}.v1.${service}/Export`,
      requestStream: false,
      responseStream: false,
      originalName: 'export',
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
}

const SERVICES: readonly { signal: SignalName; definition: ServiceDefinition }[] = [
  { signal: 'traces', definition: exportService('trace', 'TraceService') },
  { signal: 'metrics', definition: exportService('metrics', 'MetricsService') },
  { signal: 'logs', definition: exportService('logs', 'LogsService') },
];

function errorResponse(error: AppError): { code: number; details: string; metadata: Metadata } {
  const status = transportStatus(error);
  const metadata = new Metadata();
  const retryAfterSeconds = status.retryable ? error.retryAfterSeconds : undefined;
  // RetryInfo tells OTLP clients that RESOURCE_EXHAUSTED is worth retrying, and when.
  metadata.set('grpc-status-details-bin', Buffer.from(encodeRpcStatus({ code: status.grpc, message: error.message, retryAfterSeconds })));
  return { code: status.grpc, details: error.message, metadata };
}

export interface GrpcReceiver {
  readonly port: number;
  /** New certificate files for new connections (TLS listeners only; open connections keep theirs). */
  reloadTls(material: TlsMaterial): void;
  close(): Promise<void>;
}

/** OTLP/gRPC: the Export method of the trace, metrics and logs collector services. */
export async function startGrpcReceiver(deps: ExportDeps, options: GrpcReceiverOptions): Promise<GrpcReceiver> {
  const server = new Server({
    'grpc.max_receive_message_length': options.maxMessageBytes,
    'grpc.max_send_message_length': 4 * 1024 * 1024,
  });
  for (const { signal, definition } of SERVICES) {
    const implementation: UntypedServiceImplementation = {
      Export: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
        let sender: IngestIdentity | undefined;
        try {
          sender = deps.gate === undefined ? undefined : authenticateExport(deps, signal, 'grpc', call.metadata.get(deps.gate.header));
        } catch (error) {
          callback(errorResponse(isAppError(error) ? error : new AppError(ErrorCodes.INTERNAL, 'internal error', { cause: error })), null);
          return;
        }
        exportRequest(deps, signal, 'grpc', 'protobuf', call.request, sender).then(
          (outcome) => callback(null, Buffer.from(encodeExportResponse(signal, outcome.rejected, outcome.rejectionMessage))),
          (error: unknown) => {
            const appError = isAppError(error) ? error : new AppError(ErrorCodes.INTERNAL, 'internal error', { cause: error });
            callback(errorResponse(appError), null);
          },
        );
      },
    };
    server.addService(definition, implementation);
  }
  const tls = options.tls === undefined ? undefined : reloadableServerCredentials(options.tls);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, tls?.credentials ?? ServerCredentials.createInsecure(), (error, bound) => {
      if (error === null) resolve(bound);
      else reject(error);
    });
  });
  return {
    port,
    reloadTls: (material) => {
      if (tls === undefined) throw new Error('the OTLP/gRPC listener was started without TLS');
      tls.update(material);
    },
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 10_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
