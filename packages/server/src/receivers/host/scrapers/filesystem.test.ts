import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleSample, intSample } from '../host-sample.ts';
import { filesystemSamples, parseMounts, parsePhysicalFilesystems, physicalMounts } from './filesystem.ts';

const MOUNTS = `proc /proc proc rw,relatime 0 0
sysfs /sys sysfs rw,relatime 0 0
tmpfs /dev/shm tmpfs rw,relatime,size=24683656k 0 0
cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0
overlay / overlay rw,relatime,lowerdir=/a,upperdir=/b,workdir=/c 0 0
/dev/vda / ext4 rw,relatime,discard 0 0
/dev/vdb1 /mnt/my\\040data xfs ro,relatime 0 0
/dev/vdb1 /mnt/my\\040data xfs ro,relatime 0 0
none /mnt/odd ext4 rw 0 0
`;

const FILESYSTEMS = `nodev	sysfs
nodev	tmpfs
nodev	proc
nodev	cgroup
nodev	overlay
	ext4
	xfs
nodev	zfs
`;

describe('filesystems', () => {
  it('keeps device-backed mounts only (no proc, sysfs, tmpfs, cgroup, overlay), once each, with mode', () => {
    const mounts = physicalMounts(parseMounts(MOUNTS), parsePhysicalFilesystems(FILESYSTEMS));
    assert.deepEqual(mounts, [
      { device: '/dev/vda', mountpoint: '/', type: 'ext4', mode: 'rw' },
      { device: '/dev/vdb1', mountpoint: '/mnt/my data', type: 'xfs', mode: 'ro' },
    ]);
  });

  it('falls back to a list of virtual types without /proc/filesystems', () => {
    const mounts = physicalMounts(parseMounts(MOUNTS), undefined);
    assert.deepEqual(mounts.map((mount) => mount.mountpoint), ['/', '/mnt/my data']);
  });

  it('counts zfs (marked nodev) as a real filesystem', () => {
    assert.ok(parsePhysicalFilesystems(FILESYSTEMS).has('zfs'));
    assert.ok(!parsePhysicalFilesystems(FILESYSTEMS).has('tmpfs'));
  });

  it('gives used, free (available) and reserved bytes, inodes and utilization from statfs', () => {
    const mount = { device: '/dev/vda', mountpoint: '/', type: 'ext4', mode: 'rw' } as const;
    const samples = filesystemSamples(mount, { bsize: 4096n, blocks: 1000n, bfree: 400n, bavail: 350n, files: 500n, ffree: 120n });
    const attrs: [string, string][] = [['device', '/dev/vda'], ['mode', 'rw'], ['mountpoint', '/'], ['type', 'ext4']];
    const withState = (state: string): [string, string][] => [...attrs, ['state', state]];
    assert.deepEqual(samples, [
      intSample('system.filesystem.usage', withState('used'), 600n * 4096n),
      intSample('system.filesystem.usage', withState('free'), 350n * 4096n),
      intSample('system.filesystem.usage', withState('reserved'), 50n * 4096n),
      intSample('system.filesystem.inodes.usage', withState('used'), 380n),
      intSample('system.filesystem.inodes.usage', withState('free'), 120n),
      doubleSample('system.filesystem.utilization', [...attrs], 600 / 950),
    ]);
  });
});
