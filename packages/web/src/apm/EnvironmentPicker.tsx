import { useId } from 'react';
import { attributeValues } from '../api/catalog-api.ts';
import { catalogRangeOf } from '../filters/catalog-range.ts';
import { useApi } from '../hooks/use-api.ts';
import { useAppLocation, useUpdateParams } from '../router/use-location.ts';
import { useTimeRange } from '../app/time-range-context.tsx';
import { ENVIRONMENT_PARAM, readEnvironment } from './apm-links.ts';

/** Resource attributes naming the deployment environment (current and older semantic conventions). */
const ENVIRONMENT_KEYS = ['deployment.environment.name', 'deployment.environment'] as const;

async function loadEnvironments(range: { startMs: number; endMs: number }, signal: AbortSignal): Promise<string[]> {
  const lists = await Promise.all(
    ENVIRONMENT_KEYS.map((key) => attributeValues({ signal: 'traces', scope: 'resource', key, range }, signal).catch(() => [] as readonly string[])),
  );
  return [...new Set(lists.flat())].filter((e) => e !== '').sort();
}

/** The environment filter of the APM pages; shown only when some resource names an environment. */
export function EnvironmentPicker() {
  const id = useId();
  const { params } = useAppLocation();
  const updateParams = useUpdateParams();
  const { resolved } = useTimeRange();
  const range = catalogRangeOf(resolved);
  const environments = useApi(`environments|${range.key}`, (signal) => loadEnvironments(range, signal));
  const current = readEnvironment(params);
  const choices = environments.data ?? [];
  if (choices.length === 0 && current === '') return null;
  return (
    <div className="inline-field">
      <label htmlFor={id}>Environment</label>
      <select
        id={id}
        value={current}
        className={current === '' ? '' : 'is-active'}
        onChange={(e) => {
          const value = e.target.value;
          updateParams((p) => (value === '' ? p.delete(ENVIRONMENT_PARAM) : p.set(ENVIRONMENT_PARAM, value)));
        }}
      >
        <option value="">All environments</option>
        {current !== '' && !choices.includes(current) && <option value={current}>{current}</option>}
        {choices.map((env) => (
          <option key={env} value={env}>
            {env}
          </option>
        ))}
      </select>
    </div>
  );
}
