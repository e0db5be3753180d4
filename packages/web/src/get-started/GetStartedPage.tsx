import { useEffect, useMemo } from 'react';
import { getServerInfo } from '../api/server-info-api.ts';
import { Tabs } from '../components/Tabs.tsx';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { CodeBlock } from './CodeBlock.tsx';
import { KEY_PLACEHOLDER, otlpHeadersEnvValue } from './ingest-key-snippets.ts';
import { DEFAULT_OTLP_PORTS, setupGuides, testSpanCommand } from './setup-snippets.ts';

/** `/get-started?lang=…`: zero-code setup per runtime, with this server's address filled in. */
export function GetStartedPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const info = useApi('server-info', (signal) => getServerInfo(signal));
  const ports = info.data === undefined ? DEFAULT_OTLP_PORTS : { grpcPort: info.data.otlpGrpcPort, httpPort: info.data.otlpHttpPort };
  const { grpcPort, httpPort } = ports;
  const keyRequired = info.data?.ingestAuth.required === true;
  const keyHeader = info.data?.ingestAuth.header ?? 'authorization';
  const endpoints = useMemo(
    () => ({ host: window.location.hostname || 'localhost', grpcPort, httpPort, ingestAuth: { required: keyRequired, header: keyHeader } }),
    [grpcPort, httpPort, keyRequired, keyHeader],
  );
  const guides = useMemo(() => setupGuides(endpoints), [endpoints]);
  const selectedId = params.get('lang') ?? 'nodejs';
  const guide = guides.find((g) => g.id === selectedId) ?? guides[0];

  useEffect(() => {
    document.title = 'Get started · Sightline';
  }, []);

  if (guide === undefined) return null;
  return (
    <div className="page-body get-started">
      <section className="intro">
        <p>
          Sightline receives OpenTelemetry over OTLP: <strong>gRPC on port {endpoints.grpcPort}</strong> and <strong>HTTP on port {endpoints.httpPort}</strong>{' '}
          of <code>{endpoints.host}</code>. Pick your runtime, paste the commands, and your traces, logs and metrics appear under{' '}
          <Link to="/traces">Traces</Link> and <Link to="/logs">Logs</Link> within seconds.
        </p>
        {info.data === undefined && <p className="muted small">Ports shown are the defaults until this server reports its own.</p>}
        {keyRequired && (
          <p>
            This server accepts telemetry only with an <strong>ingest key</strong>: replace <code>{KEY_PLACEHOLDER}</code> below with yours. It travels in the{' '}
            <code>{keyHeader}</code> header; <code>OTEL_EXPORTER_OTLP_HEADERS</code> takes it as <code>{otlpHeadersEnvValue(endpoints.ingestAuth)}</code>{' '}
            (the value percent-encoded, so a space is <code>%20</code>).
          </p>
        )}
      </section>
      <Tabs
        items={guides.map((g) => ({ key: g.id, label: g.name }))}
        selected={guide.id}
        onSelect={(id) => updateParams((p) => p.set('lang', id), { replace: true })}
        idPrefix="setup"
        label="Runtime"
      />
      <section className="guide" role="tabpanel" id="setup-panel" aria-labelledby={`setup-tab-${guide.id}`}>
        <p>{guide.summary}</p>
        <ol className="steps">
          {guide.steps.map((step) => (
            <li key={step.title}>
              <CodeBlock code={step.code} title={step.title} language={step.language} />
            </li>
          ))}
        </ol>
        {guide.notes.map((note) => (
          <p key={note} className="muted small">
            {note}
          </p>
        ))}
      </section>
      <section className="guide">
        <h2>Check the connection</h2>
        <p>
          Send one test span with curl, then look for the service <code>curl-test</code> in Traces.
        </p>
        <CodeBlock code={testSpanCommand(endpoints, Date.now())} title="Send a test span over OTLP/HTTP JSON" language="shell" />
      </section>
    </div>
  );
}
