import type { Decoded, SignalName } from '../../../signals/decoded.ts';
import type { ResourceInfo } from '../../../signals/resource.ts';

export const ENVIRONMENT_KEY = 'deployment.environment.name';
/** The attribute's name before semantic conventions 1.27; data carrying either keeps its own. */
export const LEGACY_ENVIRONMENT_KEY = 'deployment.environment';

function hasEnvironment(resource: ResourceInfo): boolean {
  return resource.attributes.some((attribute) => attribute.key === ENVIRONMENT_KEY || attribute.key === LEGACY_ENVIRONMENT_KEY);
}

/**
 * Sets `deployment.environment.name` to the ingest key's environment on every resource that does
 * not name an environment itself (an explicit value from the SDK wins over the key's default).
 * Rows of one OTLP resource share its ResourceInfo, so each resource is copied once.
 */
export function tagEnvironment<S extends SignalName>(decoded: Decoded<S>, environment: string | undefined): Decoded<S> {
  if (environment === undefined || environment === '' || decoded.rows.length === 0) return decoded;
  const tagged = new Map<ResourceInfo, ResourceInfo>();
  const retag = (resource: ResourceInfo): ResourceInfo => {
    let result = tagged.get(resource);
    if (result === undefined) {
      result = hasEnvironment(resource)
        ? resource
        : { ...resource, attributes: [...resource.attributes, { key: ENVIRONMENT_KEY, value: { kind: 'string', value: environment } }] };
      tagged.set(resource, result);
    }
    return result;
  };
  const rows = decoded.rows.map((row) => {
    const resource = retag(row.resource);
    return resource === row.resource ? row : { ...row, resource };
  });
  return { ...decoded, rows };
}
