import { z } from 'zod';

/** Fields shared by every TLS listener; file paths are read at start and again on SIGHUP. */
const tlsFields = {
  enabled: z.boolean().default(false),
  /** PEM certificate chain (leaf first). */
  certFile: z.string().default(''),
  /** PEM private key of certFile. */
  keyFile: z.string().default(''),
};

function requireFiles(value: { enabled: boolean; certFile: string; keyFile: string }, ctx: z.RefinementCtx): void {
  if (!value.enabled) return;
  if (value.certFile === '') ctx.addIssue({ code: 'custom', path: ['certFile'], message: 'TLS is enabled: set certFile (PEM certificate chain)' });
  if (value.keyFile === '') ctx.addIssue({ code: 'custom', path: ['keyFile'], message: 'TLS is enabled: set keyFile (PEM private key)' });
}

/** TLS of the UI/API listener. */
export const apiTlsConfigSchema = z
  .object(tlsFields)
  .strict()
  .superRefine((value, ctx) => requireFiles(value, ctx));

/** TLS of an OTLP listener, with optional client certificates (mTLS). */
export const otlpTlsConfigSchema = z
  .object({
    ...tlsFields,
    /** PEM CA bundle that signs client certificates; when set, clients are asked for a certificate. */
    clientCaFile: z.string().default(''),
    /** Refuse clients without a certificate signed by clientCaFile. */
    requireClientCert: z.boolean().default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    requireFiles(value, ctx);
    if (value.requireClientCert && value.clientCaFile === '') {
      ctx.addIssue({ code: 'custom', path: ['clientCaFile'], message: 'requireClientCert is true: set clientCaFile (PEM CA bundle of client certificates)' });
    }
    if ((value.requireClientCert || value.clientCaFile !== '') && !value.enabled) {
      ctx.addIssue({ code: 'custom', path: ['enabled'], message: 'client certificates (clientCaFile, requireClientCert) need TLS: set enabled to true' });
    }
  });

export type ApiTlsConfig = z.infer<typeof apiTlsConfigSchema>;
export type OtlpTlsConfig = z.infer<typeof otlpTlsConfigSchema>;
/** Either listener's TLS section; the API one has no client certificates. */
export type TlsConfig = ApiTlsConfig & Partial<Pick<OtlpTlsConfig, 'clientCaFile' | 'requireClientCert'>>;
