import { z } from 'zod';

const port = z.number().int().min(0).max(65535);

/** What the UI needs to tell users where to send telemetry: the ports this server listens on. */
export const serverInfoResponseSchema = z.object({
  otlpGrpcPort: port.describe('OTLP/gRPC port; 0 when the gRPC receiver is off'),
  otlpHttpPort: port.describe('OTLP/HTTP port'),
  version: z.string(),
  /** Whether OTLP exports must carry an ingest key, and in which header (lower case). */
  ingestAuth: z
    .object({
      required: z.boolean(),
      header: z.string().describe('`authorization` takes "Bearer <key>"; any other header takes the bare key'),
    })
    .default({ required: false, header: 'authorization' }),
});

export type ServerInfoResponse = z.infer<typeof serverInfoResponseSchema>;
