import type { ResourceInfo, ScopeInfo } from '../signals/resource.ts';

/** `service.name` of everything Sightline writes about itself; reserved for its own telemetry. */
export const SELF_SERVICE_NAME = 'sightline';
export const SELFMON_SCOPE_NAME = 'sightline/selfmon';

export interface SelfIdentity {
  readonly instanceId: string;
  readonly hostName: string;
  readonly version: string;
}

function text(key: string, value: string) {
  return { key, value: { kind: 'string' as const, value } };
}

/** The resource of Sightline's own metrics and logs. */
export function selfResource(identity: SelfIdentity): ResourceInfo {
  return {
    attributes: [
      text('service.name', SELF_SERVICE_NAME),
      text('service.instance.id', identity.instanceId),
      text('service.version', identity.version),
      text('host.name', identity.hostName),
    ],
    droppedAttributesCount: 0,
    schemaUrl: '',
  };
}

export function selfScope(version: string): ScopeInfo {
  return { name: SELFMON_SCOPE_NAME, version, attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
}
