import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Attributes } from '../../signals/any-value.ts';
import type { ResourceInfo, ScopeInfo } from '../../signals/resource.ts';

export const HOST_METRICS_SCOPE: ScopeInfo = { name: 'sightline/hostmetrics', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };

/** Node's process.arch → the semantic conventions' `host.arch` values. */
const ARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  ia32: 'x86',
  arm: 'arm32',
  ppc: 'ppc32',
  ppc64: 'ppc64',
  s390x: 's390x',
};

export interface HostIdentity {
  readonly hostName: string;
  /** Node's name for the architecture (`process.arch`). */
  readonly nodeArch: string;
  readonly machineId: string | undefined;
}

/** The resource of every host point: host.name, os.type, host.arch and, when known, host.id. */
export function hostResource(identity: HostIdentity): ResourceInfo {
  const attributes: Attributes = [
    { key: 'host.name', value: { kind: 'string', value: identity.hostName } },
    { key: 'os.type', value: { kind: 'string', value: 'linux' } },
    { key: 'host.arch', value: { kind: 'string', value: ARCH[identity.nodeArch] ?? identity.nodeArch } },
    ...(identity.machineId === undefined ? [] : [{ key: 'host.id', value: { kind: 'string' as const, value: identity.machineId } }]),
  ];
  return { attributes, droppedAttributesCount: 0, schemaUrl: '' };
}

/** The identity of the machine this process runs on; host.id from the machine-id file when readable. */
export async function readHostIdentity(machineIdPath = '/etc/machine-id'): Promise<HostIdentity> {
  let machineId: string | undefined;
  try {
    const text = (await readFile(machineIdPath, 'utf8')).trim();
    if (text.length > 0) machineId = text;
  } catch {
    machineId = undefined;
  }
  return { hostName: os.hostname(), nodeArch: process.arch, machineId };
}
