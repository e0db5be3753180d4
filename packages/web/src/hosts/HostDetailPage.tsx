import type { HostSummary } from '@sightline/contract';
import { useEffect } from 'react';
import { serviceHref } from '../apm/apm-links.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { formatCount } from '../format/apm-numbers.ts';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { pathWithGlobals } from '../router/routes.ts';
import { useAppLocation } from '../router/use-location.ts';
import { formatDateTime } from '../time/time-format.ts';
import { absoluteRange } from '../time/time-range.ts';
import { HostCharts } from './HostCharts.tsx';
import { hostDetail } from './hosts-api.ts';
import { formatBytes, formatBytesRate, formatLoad, formatShare, hostChartStep, sourcesText } from './hosts-view.ts';
import { UsageBar } from './UsageBar.tsx';

function Stat({ label, value, detail }: { readonly label: string; readonly value: string; readonly detail?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {detail !== undefined && <div className="stat-detail">{detail}</div>}
    </div>
  );
}

function HostStats({ host }: { readonly host: HostSummary }) {
  return (
    <div className="stats" role="group" aria-label="Host summary">
      <Stat label="CPU" value={formatShare(host.cpu)} detail="busy, over the range" />
      <Stat label="Memory" value={formatShare(host.memory)} detail="used, newest" />
      <Stat label="Disk" value={formatShare(host.disk)} detail={host.diskMountpoint === null ? 'fullest filesystem' : `fullest: ${host.diskMountpoint}`} />
      <Stat label="Load 1m" value={formatLoad(host.load1)} />
      <Stat label="Network" value={formatBytesRate(host.networkInBytesPerSecond)} detail={`in · out ${formatBytesRate(host.networkOutBytesPerSecond)}`} />
      <Stat
        label="Last seen"
        value={host.lastSeenMs === null ? '–' : formatDateTime(host.lastSeenMs).slice(11, 19)}
        detail={host.active ? 'active' : 'inactive'}
      />
    </div>
  );
}

/** One host: usage figures, charts, filesystems and the services running on it. */
export function HostDetailPage({ host }: { readonly host: string }) {
  const { params } = useAppLocation();
  const { resolved, setRange } = useTimeRange();
  useEffect(() => {
    document.title = `${host} · Hosts · Sightline`;
  }, [host]);
  const scope = { startMs: resolved.startMs, endMs: resolved.endMs };
  const step = hostChartStep(scope);
  const detail = useApi(`host|${host}|${scope.startMs}|${scope.endMs}`, (signal) => hostDetail(host, scope, step, signal));
  const data = detail.data;

  return (
    <div className="page-body host-page">
      <div className="toolbar">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={pathWithGlobals('/hosts', params)}>Hosts</Link>
          <span aria-hidden="true"> / </span>
        </nav>
        <h2 className="service-title">{host}</h2>
        {data !== undefined && (data.host.active ? <span className="badge badge-accent">active</span> : <span className="badge badge-warn">inactive</span>)}
        {data !== undefined && (
          <span className="host-sources">
            {sourcesText(data.host.sources)}
            {data.host.os === '' ? '' : ` · ${data.host.os}`}
          </span>
        )}
        {detail.loading && <LoadingNote />}
      </div>
      {detail.error !== undefined && <ErrorNotice error={detail.error} title={`Could not load host ${host}`} onRetry={detail.reload} />}
      {data !== undefined && (
        <div className={detail.loading ? 'is-stale' : undefined}>
          <HostStats host={data.host} />
          <div className="host-section">
            <HostCharts detail={data} range={scope} onZoom={(start, end) => setRange(absoluteRange(start, end))} />
          </div>
          <section className="panel host-section" aria-label="Filesystems">
            <div className="panel-header">
              <h3>Filesystems</h3>
            </div>
            {data.filesystems.length === 0 ? (
              <p className="empty">No filesystem figures in this range.</p>
            ) : (
              <table className="data-table" aria-label="Filesystems">
                <thead>
                  <tr>
                    <th scope="col">Mount point</th>
                    <th scope="col">Device</th>
                    <th scope="col">Type</th>
                    <th scope="col" className="num">
                      Used
                    </th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col" className="num">
                      Use
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.filesystems.map((fs) => (
                    <tr key={`${fs.mountpoint}|${fs.device}`}>
                      <td className="mono">{fs.mountpoint}</td>
                      <td className="mono">{fs.device}</td>
                      <td>{fs.type}</td>
                      <td className="num">{formatBytes(fs.usedBytes)}</td>
                      <td className="num">{formatBytes(fs.sizeBytes)}</td>
                      <td className="num">
                        <UsageBar ratio={fs.used} label={fs.mountpoint} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel host-section" aria-label="Services on this host">
            <div className="panel-header">
              <h3>Services on this host</h3>
            </div>
            {data.services.length === 0 ? (
              <p className="empty">No spans name this host (resource host.name) in this range.</p>
            ) : (
              <table className="data-table" aria-label="Services on this host">
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">Instance</th>
                    <th scope="col" className="num">
                      Spans
                    </th>
                    <th scope="col" className="num">
                      Errors
                    </th>
                    <th scope="col" className="num">
                      Last seen
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.services.map((s) => (
                    <tr key={`${s.service}|${s.instanceId}`}>
                      <td>
                        <Link to={serviceHref(s.service, params)}>{s.service}</Link>
                      </td>
                      <td className="mono">{s.instanceId === '' ? <span className="muted">(not set)</span> : s.instanceId}</td>
                      <td className="num">{formatCount(s.spans)}</td>
                      <td className={`num ${s.errors > 0 ? 'text-danger strong' : 'muted'}`}>{formatCount(s.errors)}</td>
                      <td className="num">{formatDateTime(s.lastSeenMs).slice(0, 19)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
