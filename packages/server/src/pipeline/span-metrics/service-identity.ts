import type { ResourceInfo } from '../../signals/resource.ts';
import { environmentOf, serviceNameOf } from './span-facts.ts';

export interface ServiceIdentity {
  readonly service: string;
  readonly environment: string;
}

/**
 * The service and environment of each resource, read once per resource: the spans of one resource
 * share its object, and consecutive spans usually share the resource.
 */
export class ServiceIdentities {
  private readonly known = new Map<ResourceInfo, ServiceIdentity>();
  private lastResource: ResourceInfo | undefined;
  private lastIdentity: ServiceIdentity = { service: '', environment: '' };

  of(resource: ResourceInfo): ServiceIdentity {
    if (resource === this.lastResource) return this.lastIdentity;
    let identity = this.known.get(resource);
    if (identity === undefined) {
      identity = { service: serviceNameOf(resource.attributes), environment: environmentOf(resource.attributes) };
      this.known.set(resource, identity);
    }
    this.lastResource = resource;
    this.lastIdentity = identity;
    return identity;
  }
}
