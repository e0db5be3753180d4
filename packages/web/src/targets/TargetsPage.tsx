import type { PrometheusTarget } from '@sightline/contract';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { AddTargetForm } from './AddTargetForm.tsx';
import { listTargets, removeTarget } from './targets-api.ts';
import { readTargetsView, TARGETS_REFRESH_MS, targetsSummary, writeTargetsView } from './targets-view.ts';
import { TargetsTable } from './TargetsTable.tsx';
import './targets.css';

/** The Prometheus scrape targets with their health, refreshed every few seconds; runtime targets added and removed here. */
export function TargetsPage() {
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const sort = useMemo(() => readTargetsView(params), [params]);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  useEffect(() => {
    document.title = 'Targets · Sightline';
  }, []);

  const targets = useApi('prometheus-targets', listTargets);
  const { reload } = targets;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      setNowMs(Date.now());
      reload();
    }, TARGETS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (targets.data !== undefined) setNowMs(Date.now());
  }, [targets.data]);

  const remove = (target: PrometheusTarget): void => {
    setRemoving(target.id);
    setActionError(undefined);
    removeTarget(target.id).then(
      () => {
        setRemoving(undefined);
        reload();
      },
      (error: unknown) => {
        setRemoving(undefined);
        setActionError(error);
      },
    );
  };

  const all = targets.data?.targets ?? [];
  return (
    <div className="page-body targets-page">
      <div className="toolbar">
        <span className="targets-summary" role="status">
          {targets.data !== undefined && targetsSummary(all)}
        </span>
        <span className="muted small">Refreshes every {TARGETS_REFRESH_MS / 1000} s</span>
        {targets.loading && targets.data === undefined && <LoadingNote />}
      </div>

      {targets.error !== undefined && <ErrorNotice error={targets.error} title="Could not load the scrape targets" onRetry={reload} />}
      {actionError !== undefined && <ErrorNotice error={actionError} title="Could not remove the target" />}

      <section className="panel" aria-label="Scrape targets">
        {targets.data !== undefined && all.length === 0 && (
          <p className="empty">
            No Prometheus scrape targets. List them under <code>prometheus.scrape</code> in the configuration file, or add one below.
          </p>
        )}
        {all.length > 0 && (
          <TargetsTable
            targets={all}
            nowMs={nowMs}
            sort={sort}
            onSort={(next) => updateParams((p) => writeTargetsView(p, next))}
            removing={removing}
            onRemove={remove}
          />
        )}
      </section>

      <AddTargetForm onAdded={reload} />
    </div>
  );
}
