import type { AnyValue, KeyValue } from '../../signals/any-value.ts';
import type { LogRow } from '../../signals/log-record.ts';
import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';
import { facilityName, otelSeverityNumber, severityName } from './syslog-codes.ts';
import type { SdElement, SyslogMessage } from './syslog-message.ts';

/**
 * A syslog message as an OpenTelemetry log record, after the logs data model's RFC 5424 mapping:
 * MSG is the body, HOSTNAME `host.name`, APP-NAME (or the RFC 3164 TAG) `service.name`, the rest
 * `syslog.*` attributes; STRUCTURED-DATA params become `syslog.structured_data.<SD-ID>.<name>`.
 */

export const SYSLOG_SCOPE: ScopeInfo = { name: 'sightline/syslog', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };

/** service.name of messages that name no application. */
export const DEFAULT_SERVICE_NAME = 'syslog';

export type SyslogTransport = 'udp' | 'tcp';

export interface Reception {
  readonly transport: SyslogTransport;
  /** The sender's address; also `host.name` when the message names no host. */
  readonly peerAddress: string;
  readonly peerPort: number;
  readonly receivedUnixNano: bigint;
  /** The message was longer than the size limit and was cut. */
  readonly truncated: boolean;
}

const EMPTY_BYTES = new Uint8Array(0);

function text(value: string): AnyValue {
  return { kind: 'string', value };
}

function int(value: number): AnyValue {
  return { kind: 'int', value: BigInt(value) };
}

/** Params in order; a name repeated within one SD-ID (RFC 5424 allows it) keeps every value, as an array. */
function structuredDataAttributes(elements: readonly SdElement[]): KeyValue[] {
  const values = new Map<string, string[]>();
  for (const element of elements) {
    for (const param of element.params) {
      const key = `syslog.structured_data.${element.id}.${param.name}`;
      const list = values.get(key);
      if (list === undefined) values.set(key, [param.value]);
      else list.push(param.value);
    }
  }
  return [...values].map(([key, list]) => ({
    key,
    value: list.length === 1 ? text(list[0] ?? '') : { kind: 'array', value: list.map(text) },
  }));
}

/** The `swVersion` param of SD-ID `origin` (RFC 5424 §7.2) is the version of the sending software. */
function originVersion(elements: readonly SdElement[]): string | undefined {
  return elements.find((element) => element.id === 'origin')?.params.find((param) => param.name === 'swVersion')?.value;
}

function resourceOf(message: SyslogMessage, reception: Reception): ResourceInfo {
  const attributes: KeyValue[] = [
    { key: 'service.name', value: text(message.appName ?? DEFAULT_SERVICE_NAME) },
    { key: 'host.name', value: text(message.hostname ?? reception.peerAddress) },
  ];
  const version = originVersion(message.structuredData);
  if (version !== undefined) attributes.push({ key: 'service.version', value: text(version) });
  return { attributes, droppedAttributesCount: 0, schemaUrl: '' };
}

function attributesOf(message: SyslogMessage, reception: Reception): KeyValue[] {
  const attributes: KeyValue[] = [];
  const add = (key: string, value: AnyValue | undefined): void => {
    if (value !== undefined) attributes.push({ key, value });
  };
  if (message.priority !== undefined) {
    add('syslog.facility', int(message.priority.facility));
    add('syslog.facility.name', text(facilityName(message.priority.facility)));
    add('syslog.severity', int(message.priority.severity));
  }
  add('syslog.format', text(message.format));
  add('syslog.version', message.version === undefined ? undefined : int(message.version));
  add('syslog.procid', message.procId === undefined ? undefined : text(message.procId));
  add('syslog.msgid', message.msgId === undefined ? undefined : text(message.msgId));
  attributes.push(...structuredDataAttributes(message.structuredData));
  add('syslog.parse_error', message.parseError === undefined ? undefined : text(message.parseError));
  add('syslog.truncated', reception.truncated ? { kind: 'bool', value: true } : undefined);
  add('network.transport', text(reception.transport));
  add('network.peer.address', text(reception.peerAddress));
  add('network.peer.port', int(reception.peerPort));
  return attributes;
}

export function syslogLogRow(message: SyslogMessage, reception: Reception): LogRow {
  const severity = message.priority?.severity;
  return {
    timeUnixNano: message.timeUnixNano,
    observedTimeUnixNano: reception.receivedUnixNano,
    severityNumber: severity === undefined ? 0 : otelSeverityNumber(severity),
    severityText: severity === undefined ? '' : severityName(severity),
    body: text(message.message),
    attributes: attributesOf(message, reception),
    droppedAttributesCount: 0,
    flags: 0,
    traceId: EMPTY_BYTES,
    spanId: EMPTY_BYTES,
    eventName: '',
    resource: resourceOf(message, reception),
    scope: SYSLOG_SCOPE,
  };
}
