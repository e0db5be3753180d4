import os from 'node:os';
import { z } from 'zod';
import { alertsConfigSchema } from '../alerts/alerts-config.ts';
import { authConfigSchema } from '../auth/auth-config.ts';
import { fileLogConfigSchema } from '../receivers/filelog/filelog-config.ts';
import { ingestAuthConfigSchema } from '../receivers/otlp/ingest-auth/ingest-auth-config.ts';
import { defaultBudgetBytes, planMemory } from './memory-budget.ts';
import { diskConfigSchema } from '../selfmon/disk/disk-config.ts';
import { logLevelSchema, selfMonitoringConfigSchema } from '../selfmon/selfmon-config.ts';
import { hostMetricsConfigSchema } from '../receivers/host/host-metrics-config.ts';
import { remoteWriteConfigSchema } from '../receivers/prometheus/remote-write/remote-write-config.ts';
import { prometheusScrapeConfigSchema } from '../receivers/prometheus/scrape-config.ts';
import { syslogConfigSchema } from '../receivers/syslog/syslog-config.ts';
import { apiTlsConfigSchema, otlpTlsConfigSchema } from './tls-config.ts';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bytes = z.coerce.number().int().positive();
const MiB = 1024 * 1024;

/** A quarter of the host's memory by default: engine, ingest buffers and queries share one budget (memory-budget.ts). */
const defaultMemoryBudget = defaultBudgetBytes(os.totalmem());

export const configSchema = z
  .object({
    dataDir: z.string().min(1).default('./data'),
    otlp: z
      .object({
        grpc: z
          .object({
            enabled: z.boolean().default(true),
            host: z.string().default('0.0.0.0'),
            port: port.default(4317),
            maxMessageBytes: bytes.default(16 * MiB),
            /** TLS and optional client certificates (mTLS); certificate files are re-read on SIGHUP. */
            tls: otlpTlsConfigSchema.prefault({}),
          })
          .strict()
          .prefault({}),
        http: z
          .object({
            enabled: z.boolean().default(true),
            host: z.string().default('0.0.0.0'),
            port: port.default(4318),
            /** Largest request body as sent (possibly compressed). */
            maxBodyBytes: bytes.default(16 * MiB),
            /** Largest body after decompression (zip-bomb guard). */
            maxDecompressedBytes: bytes.default(64 * MiB),
            /** Origins allowed to send from browsers; empty disables CORS, ['*'] allows any. */
            corsOrigins: z.array(z.string()).default([]),
            /** TLS and optional client certificates (mTLS); certificate files are re-read on SIGHUP. */
            tls: otlpTlsConfigSchema.prefault({}),
          })
          .strict()
          .prefault({}),
        /** Ingest keys for both OTLP receivers (receivers/otlp/ingest-auth). */
        auth: ingestAuthConfigSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    api: z
      .object({
        host: z.string().default('0.0.0.0'),
        port: port.default(8080),
        /** Directory of the built web UI; by default the bundled packages/web/dist. */
        webRoot: z.string().optional(),
        /** HTTPS for the UI and API; certificate files are re-read on SIGHUP. */
        tls: apiTlsConfigSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    pipeline: z
      .object({
        /** Most rows per insert. */
        batchMaxRows: positiveInt.default(20_000),
        /** An idle store takes a batch as soon as this many rows wait; fewer wait up to batchMaxAgeMs. */
        batchMinRows: positiveInt.default(2_000),
        batchMaxAgeMs: positiveInt.default(200),
        /**
         * How long the small derived rows (APM aggregates, exceptions) may wait to be inserted. Longer
         * means fewer fixed-cost inserts, but a request is acknowledged only once its aggregates are
         * stored too, so it also delays every acknowledgement (and SDKs export one batch at a time).
         */
        aggregateBatchMaxAgeMs: positiveInt.default(200),
        /** Bytes of decoded telemetry waiting for the store; beyond it senders are told to retry later. Derived from storage.memoryBudgetBytes when not set. */
        maxPendingBytes: bytes.optional(),
        /** Worker threads that decode OTLP requests. */
        decodeWorkers: positiveInt.default(Math.max(1, Math.min(4, os.availableParallelism()))),
        retryAfterSeconds: positiveInt.default(2),
      })
      .strict()
      .prefault({}),
    storage: z
      .object({
        engine: z.enum(['chdb']).default('chdb'),
        querySessions: positiveInt.default(3),
        /** Memory of the whole process; the engine's cap, its caches, ingest buffers and per-query memory are derived from it. */
        memoryBudgetBytes: bytes.default(defaultMemoryBudget),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        tracesDays: positiveInt.default(15),
        logsDays: positiveInt.default(15),
        metricsDays: positiveInt.default(30),
      })
      .strict()
      .prefault({}),
    apm: z
      .object({
        /** Services tracked by name in the APM aggregates per window; more go under `__overflow__`. */
        maxServices: positiveInt.default(256),
        /** Operations (and, separately, dependency targets) tracked by name per service per window. */
        maxOperationsPerService: positiveInt.default(2048),
        /** The tracked names are forgotten every window, so a burst of names does not cap later data. */
        capWindowSeconds: positiveInt.default(60),
        /** Ids in names of HTTP spans without a route become placeholders (`GET /users/{id}`). */
        normalizeSpanNames: z.boolean().default(true),
        /** Apdex threshold T for services without their own. */
        defaultApdexThresholdMs: positiveInt.default(500),
        /** Service-to-service edges of the map come from joining spans of at most this many recent minutes of the range. */
        serviceMapWindowMinutes: positiveInt.default(30),
      })
      .strict()
      .prefault({}),
    /** The machine Sightline runs on: CPU, memory, paging, filesystems, disks, network, processes. */
    hostMetrics: hostMetricsConfigSchema.prefault({}),
    /** Log files of this host followed by glob (off by default); read offsets kept in the store. */
    fileLog: fileLogConfigSchema.prefault({}),
    /** RFC 5424 / 3164 syslog over UDP and TCP (off by default). */
    syslog: syslogConfigSchema.prefault({}),
    prometheus: z
      .object({
        /** `POST /api/v1/prom/write` on the API port, for Prometheus, Grafana Alloy or Agent. */
        remoteWrite: remoteWriteConfigSchema,
        /** What Sightline scrapes, in the shape of prometheus.yml (`global`, `scrape_configs`); targets can also be added through the API. */
        scrape: prometheusScrapeConfigSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    /** Alert rules, their evaluation and notification delivery. */
    alerts: alertsConfigSchema.prefault({}),
    /** Users, sessions, API keys, lockout (off by default until every route enforces it). */
    auth: authConfigSchema.prefault({}),
    /** Lowest level of the server's own JSON log lines on stdout. */
    logLevel: logLevelSchema,
    /** The server's own metrics written into its store (service `sightline`), for the "Sightline health" dashboard. */
    selfmon: selfMonitoringConfigSchema.prefault({}),
    /** Disk watermarks of the data volume: warn (and optionally drop the oldest days) above soft, refuse ingest above hard. */
    disk: diskConfigSchema.prefault({}),
    query: z
      .object({
        /** Memory one read may use; derived from storage.memoryBudgetBytes and maxConcurrentQueries when not set. */
        maxMemoryBytes: bytes.optional(),
        /** Reads the API runs at once; more wait in a queue. */
        maxConcurrentQueries: positiveInt.default(4),
        /** Reads that may wait for a slot; beyond it (or after queueWaitMs) a read fails with QUERY_BUSY (503). */
        maxQueuedQueries: positiveInt.default(32),
        queueWaitMs: positiveInt.default(10_000),
        maxExecutionSeconds: positiveInt.default(30),
        /** Rows one exploratory query may read (search, lists). */
        maxRowsToRead: positiveInt.default(500_000_000),
        /** Most rows one page of results may hold. */
        maxResultRows: positiveInt.default(1000),
        defaultLimit: positiveInt.default(100),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .transform((config) => {
    const plan = planMemory(config.storage.memoryBudgetBytes, config.query.maxConcurrentQueries);
    return {
      ...config,
      pipeline: { ...config.pipeline, maxPendingBytes: config.pipeline.maxPendingBytes ?? plan.ingestBufferBytes },
      query: { ...config.query, maxMemoryBytes: config.query.maxMemoryBytes ?? plan.queryMemoryBytes },
    };
  });

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
/** The per-read guardrails of the `query` section (the concurrency cap is applied around the store, not per read). */
export type QueryConfig = Omit<Config['query'], 'maxConcurrentQueries' | 'maxQueuedQueries' | 'queueWaitMs'>;
export type ApmConfig = Config['apm'];
