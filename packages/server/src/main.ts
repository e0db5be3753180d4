import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createApiServer } from './api/api-server.ts';
import { createApiAuth } from './api/auth/create-api-auth.ts';
import { ADMIN_PASSWORD_ENV } from './auth/auth-config.ts';
import { composeAlerts } from './compose-alerts.ts';
import type { Config } from './config/schema.ts';
import type { TlsConfig } from './config/tls-config.ts';
import { readTlsMaterial, reloadHttpsServer } from './config/tls-material.ts';
import { reloadTlsListeners, type TlsListener, type TlsReloadOutcome } from './config/tls-reloader.ts';
import { IngestMetrics } from './pipeline/ingest-metrics.ts';
import { readEngineStats } from './query/engine/engine-stats.ts';
import { registerEngineMetrics } from './selfmon/engine-metrics.ts';
import { readNewestRowTimes } from './query/selfmon/newest-row-times.ts';
import { createLogger, type Logger } from './selfmon/logger.ts';
import { createQueryMetrics } from './selfmon/query-metrics.ts';
import { observeQueries } from './storage/observed-queries.ts';
import { StoreLogShipper } from './selfmon/log-shipper.ts';
import { SelfMonitor } from './selfmon/self-monitor.ts';
import { createDiskMetrics } from './selfmon/disk/disk-metrics.ts';
import { DiskMonitor } from './selfmon/disk/disk-monitor.ts';
import { dropDayPartition } from './query/storage-usage/drop-day-partition.ts';
import { readPartitionUsage } from './query/storage-usage/partition-usage.ts';
import { RowWriter } from './ingest/row-writer.ts';
import { IngestPipeline } from './pipeline/ingest-pipeline.ts';
import { FileLogReceiver } from './receivers/filelog/file-log-receiver.ts';
import { HostMetricsReceiver } from './receivers/host/host-metrics-receiver.ts';
import { hostMetricsDiscardedCounter } from './receivers/host/retry-buffer.ts';
import { registerRemoteWriteRoute } from './receivers/prometheus/remote-write/remote-write-route.ts';
import { PrometheusScrapeManager } from './receivers/prometheus/scrape-manager.ts';
import { createScrapeMetrics } from './receivers/prometheus/scrape-metrics.ts';
import { readPrometheusTargets } from './query/prometheus-targets/target-settings.ts';
import { applyStoredRetention } from './query/retention/retention-control.ts';
import { SyslogMetrics } from './receivers/syslog/syslog-metrics.ts';
import { SyslogReceiver } from './receivers/syslog/syslog-receiver.ts';
import { SpanMetricsStage } from './pipeline/span-metrics/span-metrics-stage.ts';
import { createHttpReceiver } from './receivers/otlp/http-receiver.ts';
import { startGrpcReceiver } from './receivers/otlp/grpc-receiver.ts';
import { ingestGateOf } from './receivers/otlp/ingest-auth/ingest-gate.ts';
import { ChdbStore } from './storage/chdb/chdb-store.ts';
import { planMemory } from './config/memory-budget.ts';
import { limitQueryConcurrency } from './storage/query-concurrency.ts';
import { SettingsFileOffsetStore } from './storage/metadata/file-offsets.ts';
import { insertTarget } from './storage/encode/encode-rows.ts';
import { migrate } from './storage/schema/migrations.ts';
import type { Retention } from './storage/schema/retention.ts';
import { AGGREGATE_INSERT_TABLES, INSERT_TABLES } from './storage/schema/tables.ts';
import type { InsertTarget } from './storage/store.ts';
import { DecodePool } from './workers/decode-pool.ts';

export interface RunningServer {
  /** Bound ports (syslog: undefined when the receiver is off). */
  readonly ports: { readonly grpc: number; readonly http: number; readonly api: number; readonly syslog?: { readonly udp: number; readonly tcp: number } };
  /** The server's JSON-lines logger (stdout, and the logs table with `selfmon.logsToStore`). */
  readonly logger: Logger;
  /** Re-reads the certificate files of the TLS listeners (on SIGHUP); a listener whose new files are unusable keeps its certificate. */
  reloadTls(): TlsReloadOutcome;
  close(): Promise<void>;
}

/** The UI built by packages/web, when it has been built. */
const BUNDLED_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

function webRootOf(config: Config): string | undefined {
  if (config.api.webRoot !== undefined) return config.api.webRoot;
  return existsSync(`${BUNDLED_WEB_ROOT}/index.html`) ? BUNDLED_WEB_ROOT : undefined;
}

const SERVER_VERSION = '0.1.0';

function portOf(address: string | { port: number } | null): number {
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function retentionOf(config: Config): Retention {
  return { traces: config.retention.tracesDays, logs: config.retention.logsDays, metrics: config.retention.metricsDays };
}

/** The composition root: builds every part from the validated config and wires them together. */
export async function startServer(config: Config): Promise<RunningServer> {
  // Certificate files first: a missing or broken one stops the start before the store opens.
  const tlsOf = (section: string, tls: TlsConfig) => (tls.enabled ? readTlsMaterial(section, tls) : undefined);
  const tls = { api: tlsOf('api.tls', config.api.tls), http: tlsOf('otlp.http.tls', config.otlp.http.tls), grpc: tlsOf('otlp.grpc.tls', config.otlp.grpc.tls) };
  const registry = new Registry();
  // The shipper into the logs table needs the pipeline: lines logged before it exists go to stdout only.
  const logShipping: { shipper?: StoreLogShipper } = {};
  const logger = createLogger({ level: config.logLevel, registry, onEntry: (entry) => logShipping.shipper?.accept(entry) });
  collectDefaultMetrics({ register: registry, prefix: 'sightline_' });
  const memory = planMemory(config.storage.memoryBudgetBytes, config.query.maxConcurrentQueries);
  const store = new ChdbStore({
    dataDir: config.dataDir,
    querySessions: config.storage.querySessions,
    maxServerMemoryBytes: memory.engineBytes,
    queryLimits: { maxMemoryBytes: config.query.maxMemoryBytes, maxExecutionSeconds: config.query.maxExecutionSeconds },
    caches: memory.caches,
  });
  const { maxConcurrentQueries, maxQueuedQueries, queueWaitMs } = config.query;
  // API reads: timed with their outcome (busy included), then through the concurrency cap.
  const apiStore = observeQueries(limitQueryConcurrency(store, { maxConcurrent: maxConcurrentQueries, maxQueued: maxQueuedQueries, queueWaitMs }), createQueryMetrics(registry));
  await migrate(store, retentionOf(config));
  // The retention set at runtime (Settings, API) wins over the configuration file.
  await applyStoredRetention(store, retentionOf(config));

  registerEngineMetrics(registry, () => readEngineStats(store));
  const disk = new DiskMonitor(config.disk, {
    log: (level, message) => logger[level](message, { component: 'disk' }),
    dataDir: config.dataDir,
    readPartitions: () => readPartitionUsage(store),
    dropPartition: (table, partitionId) => dropDayPartition(store, table, partitionId),
    metrics: createDiskMetrics(registry),
  });
  await disk.start();
  const metrics = new IngestMetrics(registry);
  const decoder = new DecodePool(config.pipeline.decodeWorkers, { normalizeSpanNames: config.apm.normalizeSpanNames });
  const targets = new Map<string, InsertTarget>(INSERT_TABLES.map((table) => [table.name, insertTarget(table)]));
  const spanMetrics = new SpanMetricsStage(config.apm, registry);
  const forgetSeries: (() => void)[] = [() => decoder.forgetSeries()];
  const pipeline = new IngestPipeline(
    store,
    targets,
    config.pipeline,
    metrics,
    (table) => {
      if (table.startsWith('metric_')) for (const forget of forgetSeries) forget();
    },
    (batch) => (batch.spanMetrics === undefined ? [] : spanMetrics.chunksFor(batch.spanMetrics)),
    new Set(AGGREGATE_INSERT_TABLES.map((table) => table.name)),
    disk.gate,
  );
  const gate = ingestGateOf(config.otlp.auth);
  if (config.otlp.auth.required && config.otlp.auth.keys.length === 0) {
    logger.warn('otlp.auth.required is on but no ingest keys are configured: every OTLP export will be refused', { component: 'otlp' });
  }
  const deps = { sink: pipeline, decoder, metrics, ...(gate === undefined ? {} : { gate }) };
  const rows = new RowWriter(pipeline, metrics);
  forgetSeries.push(() => rows.forgetSeries());
  const identity = { instanceId: config.selfmon.instanceId ?? `${hostname()}:${config.api.port}`, hostName: hostname(), version: SERVER_VERSION };
  const shipper = config.selfmon.logsToStore ? new StoreLogShipper({ sink: rows, identity, registry }) : undefined;
  logShipping.shipper = shipper;
  shipper?.start();

  const http = await createHttpReceiver(deps, { ...config.otlp.http, tls: tls.http });
  const grpc = config.otlp.grpc.enabled ? await startGrpcReceiver(deps, { ...config.otlp.grpc, tls: tls.grpc }) : undefined;
  const scrape = new PrometheusScrapeManager({
    config: config.prometheus.scrape,
    sink: rows,
    metrics: createScrapeMetrics(registry),
    runtimeTargets: () => readPrometheusTargets(store, config.query),
    onError: (message, error) => logger.warn(message, { component: 'scrape', error }),
  });
  const alerting = await composeAlerts(config, store, logger);
  const auth = config.auth.enabled ? createApiAuth(store, config.auth, { tls: config.api.tls.enabled }) : undefined;
  const firstStart = await auth?.services.firstStart.ensureAdmin({ adminPassword: process.env[ADMIN_PASSWORD_ENV] });
  const api = createApiServer({
    ...(auth === undefined ? {} : { auth }),
    alerts: alerting.control,
    retention: retentionOf(config),
    scrapeTargets: scrape,
    disk,
    store: apiStore,
    query: config.query,
    apm: config.apm,
    selfMetrics: () => registry.metrics(),
    webRoot: webRootOf(config),
    serverInfo: () => ({
      otlpGrpcPort: grpc?.port ?? 0,
      otlpHttpPort: portOf(http.server.address()),
      version: SERVER_VERSION,
      ingestAuth: { required: config.otlp.auth.required, header: config.otlp.auth.header },
    }),
  }, { tls: tls.api });
  if (config.prometheus.remoteWrite.enabled) await registerRemoteWriteRoute(api, { sink: rows, metrics, ...config.prometheus.remoteWrite });
  if (config.otlp.http.enabled) await http.listen({ host: config.otlp.http.host, port: config.otlp.http.port });
  await api.listen({ host: config.api.host, port: config.api.port });
  if (firstStart?.status === 'setup_required') {
    const url = `${config.api.tls.enabled ? 'https' : 'http'}://localhost:${portOf(api.server.address())}/setup`;
    logger.warn(`no user exists yet: create the first admin at ${url} with the setup token ${firstStart.setupToken} (or start with ${ADMIN_PASSWORD_ENV} set)`, {
      component: 'auth',
      setupToken: firstStart.setupToken,
      url,
    });
  } else if (firstStart?.status === 'created') {
    logger.info(`created the first admin "${firstStart.username}" with the password from ${ADMIN_PASSWORD_ENV}`, { component: 'auth' });
  }
  const hostMetrics = new HostMetricsReceiver(config.hostMetrics, {
    sink: rows,
    discardedPoints: hostMetricsDiscardedCounter(registry),
    onError: (error) => logger.warn('host metrics: a collection or its write failed', { component: 'host-metrics', error }),
  });
  hostMetrics.start();
  await scrape.start();
  const selfMonitor = config.selfmon.enabled
    ? new SelfMonitor(
        { intervalSeconds: config.selfmon.intervalSeconds, newestRowLookbackHours: config.selfmon.newestRowLookbackHours },
        {
          registry,
          sink: rows,
          newestRowTimes: (query) => readNewestRowTimes(store, query),
          identity,
          onError: (message, error) => logger.warn(message, { error }),
        },
      )
    : undefined;
  selfMonitor?.start();
  const syslog = config.syslog.enabled ? new SyslogReceiver(config.syslog, { sink: rows, metrics: new SyslogMetrics(registry) }) : undefined;
  const syslogPorts = await syslog?.start();
  const fileLog = config.fileLog.enabled
    ? new FileLogReceiver(config.fileLog, {
        sink: rows,
        offsets: new SettingsFileOffsetStore(store),
        onError: (message, error) => logger.warn(message, { component: 'file-log', error }),
      })
    : undefined;
  await fileLog?.start();
  await alerting.start();

  const tlsListeners: TlsListener[] = [
    ...(tls.api === undefined ? [] : [{ name: 'api', section: 'api.tls', config: config.api.tls, apply: (material) => reloadHttpsServer(api.server, material) } satisfies TlsListener]),
    ...(tls.http === undefined || !config.otlp.http.enabled
      ? []
      : [{ name: 'otlp.http', section: 'otlp.http.tls', config: config.otlp.http.tls, apply: (material) => reloadHttpsServer(http.server, material) } satisfies TlsListener]),
    ...(tls.grpc === undefined || grpc === undefined
      ? []
      : [{ name: 'otlp.grpc', section: 'otlp.grpc.tls', config: config.otlp.grpc.tls, apply: (material) => grpc.reloadTls(material) } satisfies TlsListener]),
  ];

  let closing: Promise<void> | undefined;
  return {
    logger,
    reloadTls: () => reloadTlsListeners(tlsListeners, (level, message, fields) => logger[level](message, { component: 'tls', ...fields })),
    ports: { grpc: grpc?.port ?? 0, http: portOf(http.server.address()), api: portOf(api.server.address()), ...(syslogPorts === undefined ? {} : { syslog: syslogPorts }) },
    close() {
      closing ??= (async () => {
        // Stop taking requests and, at the same time, commit what is pending: requests already
        // admitted are answered once their rows are stored, so the servers can finish them.
        // Keep-alive sockets of requests answered during shutdown go idle afterwards; close them as they do.
        const sweep = setInterval(() => {
          http.server.closeIdleConnections();
          api.server.closeIdleConnections();
        }, 50);
        await Promise.all([hostMetrics.stop(), syslog?.stop(), scrape.stop(), fileLog?.stop(), disk.stop(), selfMonitor?.stop(), alerting.stop()]);
        await shipper?.stop();
        await Promise.all([http.close(), grpc?.close(), api.close(), pipeline.close()]);
        clearInterval(sweep);
        await pipeline.close();
        await decoder.close();
        await store.close();
      })();
      return closing;
    },
  };
}
