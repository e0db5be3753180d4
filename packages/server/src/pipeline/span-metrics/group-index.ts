import type { ServiceIdentity } from './service-identity.ts';

/**
 * Finds the aggregate group of a span without building a key string per span: groups are indexed
 * by context (minute and service identity, shared by runs of consecutive spans), then by name, then
 * by a small slot number (e.g. span kind). The caller fills the slots.
 */
export class GroupIndex<Group> {
  private readonly contexts = new Map<string, Map<string, (Group | undefined)[]>>();
  private lastMinute = Number.NaN;
  private lastIdentity: ServiceIdentity | undefined;
  private names = new Map<string, (Group | undefined)[]>();

  /** The slots of the groups of one minute, service identity and name. */
  slotsOf(minute: number, identity: ServiceIdentity, name: string): (Group | undefined)[] {
    if (minute !== this.lastMinute || identity !== this.lastIdentity) this.enterContext(minute, identity);
    let slots = this.names.get(name);
    if (slots === undefined) {
      slots = [];
      this.names.set(name, slots);
    }
    return slots;
  }

  private enterContext(minute: number, identity: ServiceIdentity): void {
    // NUL joins the fields: names do not contain it.
    const key = `${minute}\0${identity.service}\0${identity.environment}`;
    let names = this.contexts.get(key);
    if (names === undefined) {
      names = new Map();
      this.contexts.set(key, names);
    }
    this.names = names;
    this.lastMinute = minute;
    this.lastIdentity = identity;
  }
}
