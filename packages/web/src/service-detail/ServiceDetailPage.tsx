import { useEffect, useId, useMemo } from 'react';
import { newRuleHref, prefillForService } from '../alerts/rule-prefill.ts';
import { apdexSettings, listApmServices, serviceOperations, serviceSeries } from '../api/apm-api.ts';
import { apmPath, tracesHref } from '../apm/apm-links.ts';
import { EnvironmentPicker } from '../apm/EnvironmentPicker.tsx';
import { OverflowBanner } from '../apm/OverflowBanner.tsx';
import { noticesFor } from '../apm/overflow-text.ts';
import { stepFor } from '../apm/series-data.ts';
import { useApmScope } from '../apm/use-apm-scope.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { useApi } from '../hooks/use-api.ts';
import { Link } from '../router/Link.tsx';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { absoluteRange } from '../time/time-range.ts';
import { hashServiceColor } from '../trace/service-colors.ts';
import { DETAIL_TABS, readChartOperation, readTab, TAB_LABELS, writeChartOperation, writeTab } from './detail-view.ts';
import { ServiceCharts } from './ServiceCharts.tsx';
import { ServiceHeader } from './ServiceHeader.tsx';
import { ServiceTabPanel } from './ServiceTabPanel.tsx';

/** One service: its RED numbers and charts, then operations, dependencies, errors and instances in tabs. */
export function ServiceDetailPage({ service }: { readonly service: string }) {
  const id = useId();
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { setRange } = useTimeRange();
  const { scope, key } = useApmScope();
  const tab = readTab(params);
  const chartOperation = readChartOperation(params);
  useEffect(() => {
    document.title = `${service} · Services · Sightline`;
  }, [service]);

  const services = useApi(`apm-services|${key}`, (signal) => listApmServices(scope, signal));
  const operations = useApi(`operations|${service}|${key}`, (signal) => serviceOperations(service, scope, signal));
  const stepSeconds = stepFor(scope);
  const series = useApi(`series|${service}|${chartOperation}|${stepSeconds}|${key}`, (signal) =>
    serviceSeries(service, scope, { operation: chartOperation, stepSeconds }, signal),
  );
  const apdex = useApi('apdex-settings', (signal) => apdexSettings(signal));
  const summary = services.data?.services.find((s) => s.name === service);
  const notices = useMemo(
    () => [...noticesFor(services.data?.overflow ?? [], service), ...(operations.data?.overflow ?? [])],
    [services.data, operations.data, service],
  );
  const operationNames = useMemo(() => [...new Set((operations.data?.operations ?? []).map((o) => o.name))].sort(), [operations.data]);

  return (
    <div className="page-body service-page">
      <div className="toolbar">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={apmPath('/services', params)}>Services</Link>
          <span aria-hidden="true"> / </span>
        </nav>
        <h2 className="service-title">
          <span className="service-dot" style={{ background: hashServiceColor(service) }} aria-hidden="true" />
          {service}
        </h2>
        <EnvironmentPicker />
        {(services.loading || operations.loading) && <LoadingNote />}
        <span className="toolbar-end">
          <Link to={tracesHref(params, { service })}>Traces</Link>
          <Link to={apmPath('/service-map', params)}>Service map</Link>
          <Link to={apmPath('/exceptions', params, { service })}>Exceptions</Link>
          <Link to={newRuleHref(prefillForService(service, scope.environment), params)} title="A rule on this service’s error rate, to adjust before saving">
            Create alert
          </Link>
        </span>
      </div>

      {services.error !== undefined && <ErrorNotice error={services.error} title="Could not load the service's numbers" onRetry={services.reload} />}
      {services.data !== undefined && <ServiceHeader summary={summary} />}
      <OverflowBanner notices={notices} />

      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor={`${id}-op`}>Charts show</label>
          <select
            id={`${id}-op`}
            value={chartOperation}
            onChange={(e) => updateParams((p) => writeChartOperation(p, e.target.value))}
            className={chartOperation === '' ? '' : 'is-active'}
          >
            <option value="">Requests (entry points)</option>
            {chartOperation !== '' && !operationNames.includes(chartOperation) && <option value={chartOperation}>{chartOperation}</option>}
            {operationNames.map((name) => (
              <option key={name} value={name}>
                Operation: {name}
              </option>
            ))}
          </select>
        </div>
        <span className="muted small">drag across a chart to zoom</span>
      </div>
      <ServiceCharts
        service={service}
        series={series}
        apdex={apdex}
        range={scope}
        onZoom={(start, end) => setRange(absoluteRange(start, end))}
        onApdexSaved={() => {
          series.reload();
          services.reload();
          apdex.reload();
        }}
      />

      <section className="panel" aria-label="Service details">
        <Tabs
          items={DETAIL_TABS.map((t) => ({ key: t, label: TAB_LABELS[t] }))}
          selected={tab}
          onSelect={(next) => updateParams((p) => writeTab(p, next))}
          idPrefix={`${id}-tabs`}
          label="Service details"
        />
        <div id={`${id}-tabs-panel`} role="tabpanel" aria-labelledby={`${id}-tabs-tab-${tab}`} className="tab-panel">
          <ServiceTabPanel service={service} tab={tab} scope={scope} scopeKey={key} operations={operations} chartOperation={chartOperation} />
        </div>
      </section>
    </div>
  );
}
