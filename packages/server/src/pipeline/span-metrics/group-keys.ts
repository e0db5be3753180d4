import type { DependencyType } from '../../signals/span-metrics.ts';

// Keys join their fields with NUL, which names do not contain.

/** The identity of a span metric group: rows with equal keys add up. */
export function spanGroupKey(minute: number, service: string, operation: string, spanKind: number, isEntry: boolean, environment: string): string {
  return `${minute}\0${service}\0${operation}\0${spanKind}\0${isEntry ? 1 : 0}\0${environment}`;
}

/** What a service calls: the name the dependency caps count. */
export function dependencyNameKey(type: DependencyType, system: string, target: string, operation: string): string {
  return `${type}\0${system}\0${target}\0${operation}`;
}

/** The identity of a dependency group: rows with equal keys add up. */
export function dependencyGroupKey(minute: number, service: string, environment: string, spanKind: number, nameKey: string): string {
  return `${minute}\0${service}\0${environment}\0${spanKind}\0${nameKey}`;
}
