import type { AdminStorageResponse, StorageSignalUsage } from '@sightline/contract';
import { Fragment, useEffect, useId, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { formatCount } from '../format/apm-numbers.ts';
import { formatBytes } from '../hosts/hosts-view.ts';
import { useApi } from '../hooks/use-api.ts';
import { getStorage } from './settings-api.ts';
import { describeDropped, describeWatermark, formatPercent, signalsBySize, STORAGE_REFRESH_MS, STORAGE_SIGNAL_LABELS, volumeBar } from './storage-view.ts';

/** Reads the storage figures now and again every STORAGE_REFRESH_MS while the page is visible. */
function useStorage() {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    }, STORAGE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  return useApi(`admin-storage-${tick}`, getStorage);
}

/** Disk usage: the data volume with its watermarks, and bytes/rows per signal, expandable to tables. */
export function StorageSection() {
  const id = useId();
  const storage = useStorage();
  const data = storage.data;
  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`} data-section="storage">
      <div className="panel-header">
        <h2 id={`${id}-title`}>Storage</h2>
        <span className="muted small">Disk used by the data directory, refreshed every {STORAGE_REFRESH_MS / 1000} s.</span>
        <button type="button" className="btn btn-small storage-refresh" onClick={storage.reload}>
          Refresh
        </button>
      </div>
      {storage.loading && data === undefined && <LoadingNote />}
      {storage.error !== undefined && <ErrorNotice error={storage.error} title="Could not load the storage use" onRetry={storage.reload} />}
      {data !== undefined && (
        <>
          <VolumeView storage={data} titleId={`${id}-volume`} />
          <SignalTable storage={data} idPrefix={id} />
        </>
      )}
    </section>
  );
}

function VolumeView({ storage, titleId }: { readonly storage: AdminStorageResponse; readonly titleId: string }) {
  const bar = volumeBar(storage.volume, storage.watermark);
  const state = describeWatermark(storage.watermark);
  const dropped = describeDropped(storage.watermark);
  return (
    <div className="storage-volume" aria-labelledby={titleId} role="group" data-testid="storage-volume">
      <h3 id={titleId} className="storage-subtitle">
        Data volume {storage.volume !== null && <code className="storage-path">{storage.volume.path}</code>}
      </h3>
      {bar === undefined ? (
        <p className="muted" data-testid="storage-volume-figures">
          Volume size unknown: the server does not report it.
        </p>
      ) : (
        <>
          <div
            className={`storage-bar storage-tone-${state.tone}`}
            role="meter"
            aria-label="Disk used"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(bar.usedPercent)}
            aria-valuetext={bar.usedText}
          >
            <div className="storage-bar-used" style={{ width: `${bar.usedPercent}%` }} />
            {bar.softPercent !== undefined && <Mark kind="soft" percent={bar.softPercent} />}
            {bar.hardPercent !== undefined && <Mark kind="hard" percent={bar.hardPercent} />}
          </div>
          <p className="storage-figures" data-testid="storage-volume-figures">
            <strong>{bar.usedText}</strong> · {bar.freeText}
          </p>
        </>
      )}
      <p className={`storage-state storage-tone-${state.tone}`} data-testid="storage-state" aria-live="polite">
        <span className="storage-dot" aria-hidden="true" />
        {state.text}
      </p>
      {dropped !== undefined && <p className="muted small">{dropped}</p>}
    </div>
  );
}

function Mark({ kind, percent }: { readonly kind: 'soft' | 'hard'; readonly percent: number }) {
  return (
    <div className={`storage-mark storage-mark-${kind}`} style={{ left: `${percent}%` }} title={`${kind} watermark ${formatPercent(percent)}`}>
      <span className="storage-mark-label">
        {kind} {formatPercent(percent)}
      </span>
    </div>
  );
}

function SignalTable({ storage, idPrefix }: { readonly storage: AdminStorageResponse; readonly idPrefix: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (signal: string): void =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(signal)) next.add(signal);
      return next;
    });
  return (
    <table className="data-table storage-table" aria-label="Disk use per signal">
      <thead>
        <tr>
          <th scope="col">Signal / table</th>
          <th scope="col" className="num">
            On disk
          </th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col" className="num">
            Parts
          </th>
        </tr>
      </thead>
      <tbody>
        {signalsBySize(storage).map((usage) => (
          <SignalRows
            key={usage.signal}
            usage={usage}
            expanded={open.has(usage.signal)}
            onToggle={() => toggle(usage.signal)}
            rowsId={`${idPrefix}-${usage.signal}`}
          />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num">{formatBytes(storage.totalBytesOnDisk)}</td>
          <td className="num">{formatCount(storage.signals.reduce((sum, s) => sum + s.rows, 0))}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

function SignalRows({
  usage,
  expanded,
  onToggle,
  rowsId,
}: {
  readonly usage: StorageSignalUsage;
  readonly expanded: boolean;
  readonly onToggle: () => void;
  readonly rowsId: string;
}) {
  const label = STORAGE_SIGNAL_LABELS[usage.signal];
  const parts = usage.tables.reduce((sum, table) => sum + table.parts, 0);
  const empty = usage.tables.length === 0;
  return (
    <Fragment>
      <tr className="storage-signal-row" data-signal={usage.signal}>
        <th scope="row">
          {empty ? (
            <span className="storage-signal-name">
              {label} <span className="muted small">(no data)</span>
            </span>
          ) : (
            <button
              type="button"
              className="storage-expander"
              aria-expanded={expanded}
              aria-controls={expanded ? usage.tables.map((_, index) => `${rowsId}-${index}`).join(' ') : undefined}
              onClick={onToggle}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {label}{' '}
              <span className="muted small">
                ({usage.tables.length} {usage.tables.length === 1 ? 'table' : 'tables'})
              </span>
            </button>
          )}
        </th>
        <td className="num">{formatBytes(usage.bytesOnDisk)}</td>
        <td className="num">{formatCount(usage.rows)}</td>
        <td className="num">{formatCount(parts)}</td>
      </tr>
      {expanded &&
        usage.tables.map((table, index) => (
          <tr key={table.table} className="storage-table-row" data-group={usage.signal} data-table={table.table} id={`${rowsId}-${index}`}>
            <th scope="row">
              <code>{table.table}</code>
            </th>
            <td className="num">{formatBytes(table.bytesOnDisk)}</td>
            <td className="num">{formatCount(table.rows)}</td>
            <td className="num">{formatCount(table.parts)}</td>
          </tr>
        ))}
    </Fragment>
  );
}
