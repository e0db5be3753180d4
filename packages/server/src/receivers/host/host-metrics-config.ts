import { z } from 'zod';

/** Configuration of the built-in host metrics receiver (the machine Sightline runs on). */
export const hostMetricsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    intervalSeconds: z.coerce.number().int().min(1).default(30),
    /** Where procfs is mounted: a container that mounts the host's /proc elsewhere points here. */
    procRoot: z.string().min(1).default('/proc'),
    /** Where sysfs is mounted (the host's, for a container). */
    sysRoot: z.string().min(1).default('/sys'),
    /** Prefix of mountpoints for statfs, when the host's root filesystem is mounted inside a container. */
    rootPath: z.string().min(1).default('/'),
    /** Collections kept for retry while the store refuses writes (back-pressure); older ones are discarded and counted. */
    maxPendingCollections: z.coerce.number().int().min(1).default(4),
  })
  .strict();

export type HostMetricsConfig = z.infer<typeof hostMetricsConfigSchema>;
