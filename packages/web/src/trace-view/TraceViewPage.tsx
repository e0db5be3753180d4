import { useCallback, useEffect, useMemo } from 'react';
import { ApiError } from '../api/api-error.ts';
import { getTrace } from '../api/traces-api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { assignServiceColors } from '../trace/service-colors.ts';
import { summarizeTrace } from '../trace/trace-summary.ts';
import { buildWaterfallModel } from '../trace/waterfall-layout.ts';
import { Flamegraph } from './Flamegraph.tsx';
import { SpanDetails } from './SpanDetails.tsx';
import { TraceHeader } from './TraceHeader.tsx';
import { TraceLogs } from './TraceLogs.tsx';
import { Waterfall } from './Waterfall.tsx';

type TraceTab = 'waterfall' | 'flamegraph' | 'logs';
const TABS: readonly { readonly key: TraceTab; readonly label: string }[] = [
  { key: 'waterfall', label: 'Waterfall' },
  { key: 'flamegraph', label: 'Flame graph' },
  { key: 'logs', label: 'Logs' },
];

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

/** `/traces/:traceId?span=…&view=waterfall|flamegraph|logs` */
export function TraceViewPage({ traceId }: { readonly traceId: string }) {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const key = `trace|${traceId}`;
  const trace = useApi(TRACE_ID.test(traceId) ? key : null, (signal) => getTrace(traceId, signal));
  const data = trace.dataKey === key ? trace.data : undefined;
  const model = useMemo(() => (data === undefined ? undefined : buildWaterfallModel(data.spans)), [data]);
  const facts = useMemo(() => (data === undefined || model === undefined ? undefined : summarizeTrace(data.spans, model.tree)), [data, model]);
  const colors = useMemo(() => assignServiceColors(facts?.services ?? []), [facts]);

  const spanParam = (params.get('span') ?? '').toLowerCase();
  const selected = spanParam === '' ? undefined : model?.tree.indexById.get(spanParam);
  const selectedSpan = selected === undefined ? undefined : data?.spans[selected];
  const viewParam = params.get('view');
  const tab: TraceTab = viewParam === 'flamegraph' || viewParam === 'logs' ? viewParam : 'waterfall';

  useEffect(() => {
    document.title = `${facts?.rootName ?? traceId.slice(0, 8)} · Trace · Sightline`;
  }, [facts, traceId]);

  const selectSpanId = useCallback(
    (spanId: string | undefined) => updateParams((p) => (spanId === undefined || spanId === '' ? p.delete('span') : p.set('span', spanId)), { replace: true }),
    [updateParams],
  );
  const select = useCallback((index: number | undefined) => selectSpanId(index === undefined ? undefined : data?.spans[index]?.spanId), [data, selectSpanId]);
  const setTab = (next: TraceTab): void => updateParams((p) => (next === 'waterfall' ? p.delete('view') : p.set('view', next)), { replace: true });

  const notFound = trace.error instanceof ApiError && trace.error.code === 'NOT_FOUND';
  const back = (
    <Link to={pathWithGlobals('/traces', params)} className="back-link">
      ← Traces
    </Link>
  );
  if (!TRACE_ID.test(traceId)) {
    return (
      <div className="page-body">
        {back}
        <ErrorNotice error={new Error(`"${traceId}" is not a trace id (32 hex digits).`)} title="Not a trace id" />
      </div>
    );
  }
  if (data === undefined || model === undefined || facts === undefined) {
    return (
      <div className="page-body">
        {back}
        {trace.error !== undefined ? (
          <ErrorNotice
            error={trace.error}
            title={notFound ? 'Trace not found — it may have expired, or its spans have not arrived yet' : 'Could not load the trace'}
            onRetry={trace.reload}
          />
        ) : (
          <LoadingNote label="Loading trace…" />
        )}
      </div>
    );
  }

  return (
    <div className="page-body trace-page">
      <div className="trace-top">
        {back}
        <TraceHeader trace={data} facts={facts} colors={colors} />
        {selectedSpan === undefined && spanParam !== '' && <p className="muted small">Span {spanParam} is not in this trace.</p>}
        <Tabs items={TABS} selected={tab} onSelect={setTab} idPrefix="trace" label="Trace views" />
      </div>
      <div className="trace-main">
        <div className="trace-content" role="tabpanel" id="trace-panel" aria-labelledby={`trace-tab-${tab}`}>
          {tab === 'waterfall' && <Waterfall model={model} spans={data.spans} colors={colors} selected={selected} onSelect={select} />}
          {tab === 'flamegraph' && <Flamegraph model={model} spans={data.spans} colors={colors} selected={selected} onSelect={select} />}
          {tab === 'logs' && <TraceLogs trace={data} spanId={selectedSpan?.spanId} onClearSpan={() => select(undefined)} onSelectSpanId={selectSpanId} />}
        </div>
        {selectedSpan !== undefined && (
          <SpanDetails
            key={selectedSpan.spanId}
            span={selectedSpan}
            traceStartUnixNano={data.startTimeUnixNano}
            color={colors.get(selectedSpan.serviceName) ?? '#888888'}
            hasParent={selectedSpan.parentSpanId !== '' && model.tree.indexById.has(selectedSpan.parentSpanId)}
            onSelectSpanId={selectSpanId}
            onShowLogs={() => setTab('logs')}
            onClose={() => select(undefined)}
          />
        )}
      </div>
    </div>
  );
}
