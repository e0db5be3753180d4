import path from 'node:path';
import type { Attributes } from '../../signals/any-value.ts';
import type { LogRow } from '../../signals/log-record.ts';
import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';
import type { RecordText } from './multiline-aggregator.ts';
import { detectSeverity } from './severity-detect.ts';

export const FILE_LOG_SCOPE: ScopeInfo = { name: 'sightline/filelog', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };

/** Set on a record that is a piece of a line longer than `maxLineBytes`: the piece's number, from 1. */
export const LINE_PART_ATTRIBUTE = 'log.record.part';

const EMPTY_ID = new Uint8Array(0);

/** The resource of one include group's records. */
export function fileLogResource(hostName: string, serviceName: string): ResourceInfo {
  return {
    attributes: [
      { key: 'host.name', value: { kind: 'string', value: hostName } },
      { key: 'service.name', value: { kind: 'string', value: serviceName } },
    ],
    droppedAttributesCount: 0,
    schemaUrl: '',
  };
}

/** A record read from `filePath` as a log row: the text is the body, observed when it was read; no event time. */
export function fileLogRow(record: RecordText, filePath: string, resource: ResourceInfo): LogRow {
  const severity = detectSeverity(record.text);
  const attributes: Attributes = [
    { key: 'log.file.path', value: { kind: 'string', value: filePath } },
    { key: 'log.file.name', value: { kind: 'string', value: path.basename(filePath) } },
    ...(record.part > 0 ? [{ key: LINE_PART_ATTRIBUTE, value: { kind: 'int', value: BigInt(record.part) } } as const] : []),
  ];
  return {
    timeUnixNano: 0n,
    observedTimeUnixNano: BigInt(record.firstReadAtMs) * 1_000_000n,
    severityNumber: severity.number,
    severityText: severity.text,
    body: { kind: 'string', value: record.text },
    attributes,
    droppedAttributesCount: 0,
    flags: 0,
    traceId: EMPTY_ID,
    spanId: EMPTY_ID,
    eventName: '',
    resource,
    scope: FILE_LOG_SCOPE,
  };
}
