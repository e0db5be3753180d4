import { readFile, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { HostSample } from './host-sample.ts';
import { cpuFrequencySample, cpuTimeSamples, cpuUtilizationSamples, loadAverageSamples } from './scrapers/cpu.ts';
import { diskSamples, parseDiskstats } from './scrapers/disk.ts';
import { filesystemSamples, parseMounts, parsePhysicalFilesystems, physicalMounts, type FsStats, type Mount } from './scrapers/filesystem.ts';
import { memorySamples, parseMeminfo } from './scrapers/memory.ts';
import { connectionSamples, countTcpStates, networkSamples, parseNetDev } from './scrapers/network.ts';
import { pagingActivitySamples, pagingUsageSamples, parseSwaps, parseVmstat } from './scrapers/paging.ts';
import { parseProcStat, type CpuTicks } from './scrapers/proc-stat.ts';
import { processesSamples } from './scrapers/processes.ts';

export interface HostRoots {
  readonly procRoot: string;
  readonly sysRoot: string;
  readonly rootPath: string;
}

export interface HostReading {
  readonly samples: readonly HostSample[];
  /** From `btime` in /proc/stat; the start time of every cumulative sum. */
  readonly bootTimeSeconds: bigint | undefined;
}

/** The text of a file, or undefined when it is missing or unreadable: that scraper is then left out. */
async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function statsOf(mountpoint: string): Promise<FsStats | undefined> {
  try {
    const stats = await statfs(mountpoint, { bigint: true });
    return { bsize: stats.bsize, blocks: stats.blocks, bfree: stats.bfree, bavail: stats.bavail, files: stats.files, ffree: stats.ffree };
  } catch {
    return undefined;
  }
}

/**
 * Reads /proc, /sys and statfs and turns them into samples through the pure scrapers. Remembers
 * the previous CPU reading for `system.cpu.utilization`. A file that cannot be read only leaves
 * out its metrics.
 */
export class HostSampler {
  private previousCpus: readonly CpuTicks[] = [];

  constructor(private readonly roots: HostRoots) {}

  private proc(...parts: string[]): string {
    return path.join(this.roots.procRoot, ...parts);
  }

  async read(): Promise<HostReading> {
    const [stat, loadavg, meminfo, swaps, vmstat, diskstats, netDev, tcp, tcp6] = await Promise.all(
      ['stat', 'loadavg', 'meminfo', 'swaps', 'vmstat', 'diskstats', 'net/dev', 'net/tcp', 'net/tcp6'].map((file) => readText(this.proc(file))),
    );
    const samples: HostSample[] = [];
    let bootTimeSeconds: bigint | undefined;
    if (stat !== undefined) {
      const parsed = parseProcStat(stat);
      bootTimeSeconds = parsed.bootTimeSeconds;
      samples.push(...cpuTimeSamples(parsed.cpus), ...cpuUtilizationSamples(this.previousCpus, parsed.cpus));
      samples.push(...(await this.frequencySamples(parsed.cpus)));
      samples.push(...processesSamples(parsed));
      this.previousCpus = parsed.cpus;
    }
    if (loadavg !== undefined) samples.push(...loadAverageSamples(loadavg));
    if (meminfo !== undefined) samples.push(...memorySamples(parseMeminfo(meminfo)));
    if (swaps !== undefined) samples.push(...pagingUsageSamples(parseSwaps(swaps)));
    if (vmstat !== undefined) samples.push(...pagingActivitySamples(parseVmstat(vmstat)));
    samples.push(...(await this.filesystemSamples()));
    if (diskstats !== undefined) samples.push(...diskSamples(parseDiskstats(diskstats)));
    if (netDev !== undefined) samples.push(...networkSamples(parseNetDev(netDev)));
    if (tcp !== undefined || tcp6 !== undefined) {
      const counts = countTcpStates(tcp ?? '');
      samples.push(...connectionSamples(countTcpStates(tcp6 ?? '', counts)));
    }
    return { samples, bootTimeSeconds };
  }

  private async frequencySamples(cpus: readonly CpuTicks[]): Promise<HostSample[]> {
    const texts = await Promise.all(
      cpus.map(({ cpu }) => readText(path.join(this.roots.sysRoot, 'devices/system/cpu', cpu, 'cpufreq/scaling_cur_freq'))),
    );
    return cpus.flatMap(({ cpu }, index) => {
      const text = texts[index];
      const sample = text === undefined ? undefined : cpuFrequencySample(cpu, text);
      return sample === undefined ? [] : [sample];
    });
  }

  /** Mounts of PID 1 (the host's, when procRoot is the host's /proc), else of this process. */
  private async mounts(): Promise<Mount[] | undefined> {
    const text = (await readText(this.proc('1/mounts'))) ?? (await readText(this.proc('self/mounts')));
    if (text === undefined) return undefined;
    const types = await readText(this.proc('filesystems'));
    return physicalMounts(parseMounts(text), types === undefined ? undefined : parsePhysicalFilesystems(types));
  }

  private async filesystemSamples(): Promise<HostSample[]> {
    const mounts = (await this.mounts()) ?? [];
    const stats = await Promise.all(mounts.map((mount) => statsOf(path.join(this.roots.rootPath, mount.mountpoint))));
    return mounts.flatMap((mount, index) => {
      const stat = stats[index];
      return stat === undefined ? [] : filesystemSamples(mount, stat);
    });
  }
}
