import { isKnownTimeZone, LOCAL_TIME_ZONE } from '@sightline/contract';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** The `syslog` section of the server configuration. */
export const syslogConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().default('0.0.0.0'),
    /** 5514 rather than 514: binding below 1024 needs privileges. */
    udpPort: port.default(5514),
    tcpPort: port.default(5514),
    /** Longer messages are cut to this many bytes and marked `syslog.truncated`. */
    maxMessageBytes: positiveInt.default(64 * 1024),
    /** Zone of RFC 3164 timestamps, which carry none: 'local' (the server's) or an IANA name. */
    timeZone: z
      .string()
      .default(LOCAL_TIME_ZONE)
      .refine(isKnownTimeZone, { message: "expected 'local' or an IANA time zone name such as 'UTC' or 'Europe/Berlin'" }),
    /** Messages per write to the store, and the longest a message waits for its batch to fill. */
    batchMaxMessages: positiveInt.default(1000),
    batchMaxAgeMs: positiveInt.default(200),
    /**
     * Messages waiting for the store beyond which TCP connections are no longer read and UDP
     * datagrams are discarded (counted in sightline_syslog_discarded_total).
     */
    maxQueuedMessages: positiveInt.default(20_000),
  })
  .strict();

export type SyslogConfig = z.infer<typeof syslogConfigSchema>;
