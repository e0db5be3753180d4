/** Copy-paste setup for zero-code instrumentation, with this server's host and ports filled in. Pure. */

import { ingestHeaderValue, otlpHeadersEnvValue, type IngestAuthInfo } from './ingest-key-snippets.ts';

export interface Endpoints {
  readonly host: string;
  readonly grpcPort: number;
  readonly httpPort: number;
  /** When the server requires ingest keys, every snippet sends one (a placeholder to replace). */
  readonly ingestAuth?: IngestAuthInfo;
}

const needsKey = (e: Endpoints): e is Endpoints & { ingestAuth: IngestAuthInfo } => e.ingestAuth?.required === true;

export const DEFAULT_OTLP_PORTS = { grpcPort: 4317, httpPort: 4318 } as const;

export interface SnippetStep {
  readonly title: string;
  readonly language: 'shell' | 'yaml' | 'go' | 'powershell';
  readonly code: string;
}

export interface SetupGuide {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly steps: readonly SnippetStep[];
  readonly notes: readonly string[];
}

/** `host` as it goes into a URL (IPv6 in brackets). */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function commonEnv(e: Endpoints, service: string): string {
  return [
    `export OTEL_SERVICE_NAME=${service}`,
    `export OTEL_EXPORTER_OTLP_ENDPOINT=http://${urlHost(e.host)}:${e.httpPort}`,
    'export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
    'export OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=otlp OTEL_LOGS_EXPORTER=otlp',
    ...(needsKey(e) ? [`export OTEL_EXPORTER_OTLP_HEADERS="${otlpHeadersEnvValue(e.ingestAuth)}"`] : []),
  ].join('\n');
}

function nodeGuide(e: Endpoints): SetupGuide {
  return {
    id: 'nodejs',
    name: 'Node.js',
    summary: 'The OpenTelemetry auto-instrumentation package, loaded with --require: no code changes.',
    steps: [
      { title: 'Install the agent in your app', language: 'shell', code: 'npm install --save @opentelemetry/api @opentelemetry/auto-instrumentations-node' },
      {
        title: 'Start your app with it',
        language: 'shell',
        code: `${commonEnv(e, 'my-node-service')}\nexport NODE_OPTIONS="--require @opentelemetry/auto-instrumentations-node/register"\nnode server.js`,
      },
    ],
    notes: ['Air-gapped: install from your internal npm mirror; the packages have no install-time downloads.'],
  };
}

function javaGuide(e: Endpoints): SetupGuide {
  return {
    id: 'java',
    name: 'Java',
    summary: 'The OpenTelemetry Java agent (a single jar) instruments common frameworks and libraries.',
    steps: [
      {
        title: 'Get the agent jar (Maven coordinates io.opentelemetry.javaagent:opentelemetry-javaagent)',
        language: 'shell',
        code: 'curl -L -o opentelemetry-javaagent.jar \\\n  https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/latest/download/opentelemetry-javaagent.jar',
      },
      {
        title: 'Start your app with it',
        language: 'shell',
        code: `${commonEnv(e, 'my-java-service')}\njava -javaagent:./opentelemetry-javaagent.jar -jar app.jar`,
      },
    ],
    notes: ['Air-gapped: copy the jar from your Maven repository mirror instead of downloading it.'],
  };
}

function pythonGuide(e: Endpoints): SetupGuide {
  return {
    id: 'python',
    name: 'Python',
    summary: 'opentelemetry-instrument wraps your start command and instruments the libraries it finds.',
    steps: [
      {
        title: 'Install the distro and the instrumentations for your installed libraries',
        language: 'shell',
        code: 'pip install opentelemetry-distro opentelemetry-exporter-otlp\nopentelemetry-bootstrap -a install',
      },
      {
        title: 'Start your app with it',
        language: 'shell',
        code: `${commonEnv(e, 'my-python-service')}\nexport OTEL_PYTHON_LOGGING_AUTO_INSTRUMENTATION_ENABLED=true\nopentelemetry-instrument python app.py`,
      },
    ],
    notes: ['Air-gapped: install from your internal PyPI mirror (opentelemetry-bootstrap -a requirements lists what to mirror).'],
  };
}

function dotnetGuide(e: Endpoints): SetupGuide {
  return {
    id: 'dotnet',
    name: '.NET',
    summary: 'OpenTelemetry .NET Automatic Instrumentation: a profiler-based agent, no code changes.',
    steps: [
      {
        title: 'Install the automatic instrumentation (Linux/macOS)',
        language: 'shell',
        code: 'curl -sSfL https://github.com/open-telemetry/opentelemetry-dotnet-instrumentation/releases/latest/download/otel-dotnet-auto-install.sh -O\nsh ./otel-dotnet-auto-install.sh',
      },
      {
        title: 'Start your app with it',
        language: 'shell',
        code: `${commonEnv(e, 'my-dotnet-service')}\n. $HOME/.otel-dotnet-auto/instrument.sh\ndotnet MyApp.dll`,
      },
      {
        title: 'Windows (PowerShell)',
        language: 'powershell',
        code: [
          'Import-Module .\\OpenTelemetry.DotNet.Auto.psm1',
          'Install-OpenTelemetryCore',
          `Register-OpenTelemetryForCurrentSession -OTelServiceName "my-dotnet-service"`,
          `$env:OTEL_EXPORTER_OTLP_ENDPOINT = "http://${urlHost(e.host)}:${e.httpPort}"`,
          '$env:OTEL_EXPORTER_OTLP_PROTOCOL = "http/protobuf"',
          ...(needsKey(e) ? [`$env:OTEL_EXPORTER_OTLP_HEADERS = "${otlpHeadersEnvValue(e.ingestAuth)}"`] : []),
          '.\\MyApp.exe',
        ].join('\n'),
      },
    ],
    notes: ['Air-gapped: download the release archive elsewhere and set OTEL_DOTNET_AUTO_HOME to where you unpack it.'],
  };
}

function goGuide(e: Endpoints): SetupGuide {
  return {
    id: 'go',
    name: 'Go',
    summary: 'Go compiles to native code, so it has no agent: add the SDK once; everything else comes from the same environment variables.',
    steps: [
      {
        title: 'Add the SDK and the OTLP exporter',
        language: 'shell',
        code: 'go get go.opentelemetry.io/otel go.opentelemetry.io/otel/sdk \\\n  go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp \\\n  go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp',
      },
      {
        title: 'Set up tracing at start-up (reads OTEL_* variables)',
        language: 'go',
        code: [
          'import (',
          '\t"context"',
          '',
          '\t"go.opentelemetry.io/otel"',
          '\t"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"',
          '\tsdktrace "go.opentelemetry.io/otel/sdk/trace"',
          ')',
          '',
          'func setupTracing(ctx context.Context) (func(context.Context) error, error) {',
          '\texporter, err := otlptracehttp.New(ctx)',
          '\tif err != nil {',
          '\t\treturn nil, err',
          '\t}',
          '\tprovider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter))',
          '\totel.SetTracerProvider(provider)',
          '\treturn provider.Shutdown, nil',
          '}',
          '',
          '// Wrap your handler: http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "server"))',
        ].join('\n'),
      },
      { title: 'Run it', language: 'shell', code: `${commonEnv(e, 'my-go-service')}\ngo run .` },
    ],
    notes: ['For truly zero-code Go, the OpenTelemetry eBPF instrumentation can attach to a running binary; point its OTLP endpoint at the same address.'],
  };
}

function collectorGuide(e: Endpoints): SetupGuide {
  const config = [
    'receivers:',
    '  otlp:',
    '    protocols:',
    '      grpc:',
    '        endpoint: 0.0.0.0:4317',
    '      http:',
    '        endpoint: 0.0.0.0:4318',
    '',
    'processors:',
    '  batch: {}',
    '',
    'exporters:',
    '  otlp:',
    `    endpoint: ${urlHost(e.host)}:${e.grpcPort}`,
    ...(needsKey(e) ? ['    headers:', `      ${e.ingestAuth.header}: "${ingestHeaderValue(e.ingestAuth)}"`] : []),
    '    tls:',
    '      insecure: true',
    '',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp]',
    '      processors: [batch]',
    '      exporters: [otlp]',
    '    metrics:',
    '      receivers: [otlp]',
    '      processors: [batch]',
    '      exporters: [otlp]',
    '    logs:',
    '      receivers: [otlp]',
    '      processors: [batch]',
    '      exporters: [otlp]',
  ].join('\n');
  return {
    id: 'collector',
    name: 'OpenTelemetry Collector',
    summary: 'Already run a Collector (or an agent per host)? Forward everything to Sightline with the otlp exporter.',
    steps: [
      { title: 'collector.yaml', language: 'yaml', code: config },
      { title: 'Run it', language: 'shell', code: 'otelcol-contrib --config collector.yaml' },
    ],
    notes: [
      `The Collector's own receivers above listen on 4317/4318 of its host; on the Sightline host itself, give them other ports.`,
      'Sightline speaks plain OTLP, so any Collector distribution works; add retry and queue settings as you would for any backend.',
    ],
  };
}

/** A curl command that sends one span over OTLP/HTTP JSON, to check the path end to end. */
export function testSpanCommand(e: Endpoints, nowMs: number): string {
  const start = BigInt(Math.floor(nowMs)) * 1_000_000n;
  const end = start + 25_000_000n;
  const body = JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'curl-test' } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: `5e1f${String(Math.floor(nowMs)).padStart(28, '0')}`.slice(0, 32),
                spanId: `5e1f${String(Math.floor(nowMs) % 1e12).padStart(12, '0')}`,
                name: 'hello-sightline',
                kind: 2,
                startTimeUnixNano: String(start),
                endTimeUnixNano: String(end),
              },
            ],
          },
        ],
      },
    ],
  });
  const key = needsKey(e) ? `  -H '${e.ingestAuth.header}: ${ingestHeaderValue(e.ingestAuth)}' \\\n` : '';
  return `curl -sS http://${urlHost(e.host)}:${e.httpPort}/v1/traces \\\n  -H 'content-type: application/json' \\\n${key}  -d '${body}'`;
}

export function setupGuides(e: Endpoints): readonly SetupGuide[] {
  return [nodeGuide(e), javaGuide(e), pythonGuide(e), dotnetGuide(e), goGuide(e), collectorGuide(e)];
}
