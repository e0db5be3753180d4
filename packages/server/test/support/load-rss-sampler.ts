import type { ServerProcess } from './server-process.ts';

/** Samples a server process's resident memory every `everyMs` until stopped; reports the highest sample. */
export class RssSampler {
  private readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(server: ServerProcess, everyMs = 250) {
    const sample = (): void => {
      this.samples.push(server.memory().rss);
    };
    sample();
    this.timer = setInterval(sample, everyMs);
  }

  stop(): { max: number; count: number } {
    clearInterval(this.timer);
    return { max: Math.max(...this.samples), count: this.samples.length };
  }
}

export const MiB = 1024 * 1024;
