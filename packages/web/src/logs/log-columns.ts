import type { LogRecord } from '@sightline/contract';
import { attributeText } from '../format/any-value.ts';

/** Most extra columns the list shows; more would squeeze the body out. */
export const MAX_LOG_COLUMNS = 6;

/** Extra columns chosen by the user, kept in the URL as `cols=key1,key2`. */
export function readLogColumns(params: URLSearchParams): string[] {
  const keys = (params.get('cols') ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
  return [...new Set(keys)].slice(0, MAX_LOG_COLUMNS);
}

export function writeLogColumns(params: URLSearchParams, columns: readonly string[]): void {
  if (columns.length === 0) params.delete('cols');
  else params.set('cols', columns.join(','));
}

/** A column's value for one record: the log attribute, else the resource attribute of that key. */
export function logColumnText(log: LogRecord, key: string): string {
  return attributeText(log.attributes, key) ?? attributeText(log.resource.attributes, key) ?? '';
}
