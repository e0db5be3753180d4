import type { DashboardDefinitionInput } from '@sightline/contract';
import { HOST_DASHBOARD } from './host.ts';
import { MYSQL_DASHBOARD } from './mysql.ts';
import { POSTGRESQL_DASHBOARD } from './postgresql.ts';
import { SIGHTLINE_HEALTH_DASHBOARD } from './sightline-health.ts';

/** A dashboard shipped with the server: read-only, users clone it to change it. */
export interface BuiltinDashboard {
  readonly id: string;
  readonly definition: DashboardDefinitionInput;
}

/** Every built-in dashboard, in the order the list shows them. */
export const BUILTIN_DASHBOARDS: readonly BuiltinDashboard[] = [
  { id: 'builtin-host', definition: HOST_DASHBOARD },
  { id: 'builtin-postgresql', definition: POSTGRESQL_DASHBOARD },
  { id: 'builtin-mysql', definition: MYSQL_DASHBOARD },
  { id: 'builtin-sightline', definition: SIGHTLINE_HEALTH_DASHBOARD },
];
