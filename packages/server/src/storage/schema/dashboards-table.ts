import { definitionTable } from './definition-table.ts';

/** User dashboards (the built-in ones ship as code), definitions as JSON (contract `dashboardDefinitionSchema`). */
export const dashboardsTable = definitionTable('dashboards');
