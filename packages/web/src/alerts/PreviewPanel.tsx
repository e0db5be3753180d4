import { useMemo } from 'react';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { previewRule } from './alerts-api.ts';
import { judgements, judgementSummary, previewChartData } from './preview-chart.ts';
import type { PreviewInput } from './preview-request.ts';
import { PreviewChart } from './PreviewChart.tsx';
import './preview.css';

/** Asks again this long after the last change of the query or condition. */
const DEBOUNCE_MS = 500;

/**
 * The rule's query over the selected range with its thresholds, and how the condition would judge
 * each group now. `input` undefined: the query is not complete yet.
 */
export function PreviewPanel({ input, title = 'Preview' }: { readonly input: PreviewInput | undefined; readonly title?: string }) {
  const { resolved } = useTimeRange();
  const inputText = input === undefined ? null : JSON.stringify(input);
  const settled = useDebounced(inputText, DEBOUNCE_MS);
  const key = settled === null ? null : `alert-preview|${settled}|${resolved.startMs}|${resolved.endMs}`;
  const preview = useApi(key, (signal) => {
    const { query, condition } = JSON.parse(settled ?? '{}') as PreviewInput;
    return previewRule({ query, condition, start: resolved.startMs, end: resolved.endMs }, signal);
  });
  const data = preview.data;
  const judged = input?.judged === true;
  const chart = useMemo(
    () =>
      data === undefined || input === undefined
        ? undefined
        : previewChartData(data, { comparison: input.condition.comparison, thresholds: judged ? input.condition.thresholds : [] }, resolved),
    [data, input, judged, resolved],
  );
  const verdicts = useMemo(() => (data === undefined ? [] : judgements(data.groups)), [data]);
  const stale = preview.loading || (settled !== inputText && inputText !== null);
  return (
    <section className="panel alert-preview" aria-label={title} aria-busy={stale}>
      <div className="panel-header">
        <h3>{title}</h3>
        {stale && <LoadingNote label="Updating…" />}
        {data !== undefined && judged && (
          <span className={`alert-preview-summary${data.groups.some((g) => g.severity !== null) ? ' is-firing' : ''}`} role="status">
            {judgementSummary(data.groups)}
          </span>
        )}
      </div>
      {input === undefined && <p className="empty">Choose what to watch to see it over the selected time range.</p>}
      {input !== undefined && !judged && <p className="muted small">Enter a threshold to see where the rule would fire.</p>}
      {preview.error !== undefined && <ErrorNotice error={preview.error} title="Could not preview the rule" onRetry={preview.reload} />}
      {input !== undefined && chart !== undefined && data !== undefined && (
        <div className={stale ? 'is-stale' : undefined}>
          {data.series.length === 0 ? (
            <p className="empty">No data for this query in the selected range.</p>
          ) : (
            <PreviewChart chart={chart} range={resolved} ariaLabel={`${title}: the query over time with its thresholds`} />
          )}
          {judged && verdicts.length > 0 && (
            <ul className="alert-verdicts" aria-label="Would fire now">
              {verdicts.slice(0, 20).map((v) => (
                <li key={v.group} className={v.severity === null ? '' : `alert-verdict-${v.severity}`}>
                  <code className="alert-verdict-group">{v.group}</code> <span className="alert-verdict-text">{v.text}</span>
                </li>
              ))}
              {verdicts.length > 20 && <li className="muted">… and {verdicts.length - 20} more groups</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
