import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';

export interface RawGrpcResult {
  readonly response?: Buffer;
  readonly error?: ServiceError;
}

/** Calls an OTLP Export method with raw bytes, as a misbehaving client would. */
export function rawExport(port: number, service: 'trace.v1.TraceService' | 'logs.v1.LogsService' | 'metrics.v1.MetricsService', body: Buffer): Promise<RawGrpcResult> {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      `/opentelemetry.proto.collector.${service}/Export`,
      (value: Buffer) => value,
      (value: Buffer) => value,
      body,
      new Metadata(),
      (error, response) => {
        client.close();
        resolve(error === null ? { response } : { error });
      },
    );
  });
}
