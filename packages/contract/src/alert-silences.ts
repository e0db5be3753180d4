import { z } from 'zod';

/**
 * Silences mute notifications (instances still change state and are recorded) for alerts of one rule
 * and/or matching label matchers, during a one-off window or a recurring one (planned downtime).
 */

export const silenceMatcherSchema = z.object({
  label: z.string().min(1).max(100),
  op: z.enum(['equals', 'not_equals', 'regex', 'not_regex']),
  value: z.string().max(500),
});
export type SilenceMatcher = z.infer<typeof silenceMatcherSchema>;

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const onceScheduleSchema = z
  .object({
    kind: z.literal('once'),
    /** Unix milliseconds. */
    startsAtMs: z.number().int().nonnegative(),
    endsAtMs: z.number().int().nonnegative(),
  })
  .refine((schedule) => schedule.endsAtMs > schedule.startsAtMs, {
    path: ['endsAtMs'],
    message: 'must be after startsAtMs',
  });

/**
 * Every listed weekday from `startTime` to `endTime` local time in `timezone` (IANA name). An end at or
 * before the start crosses midnight (22:00–02:00 starts on the listed day).
 */
export const recurringScheduleSchema = z.object({
  kind: z.literal('recurring'),
  timezone: z.string().min(1).max(64).default('UTC'),
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).default([0, 1, 2, 3, 4, 5, 6]),
  startTime: z.string().regex(CLOCK_TIME, 'expected HH:MM'),
  endTime: z.string().regex(CLOCK_TIME, 'expected HH:MM'),
  /** Optional bounds of the recurrence, unix milliseconds. */
  fromMs: z.number().int().nonnegative().optional(),
  untilMs: z.number().int().nonnegative().optional(),
});

export const silenceScheduleSchema = z.discriminatedUnion('kind', [onceScheduleSchema, recurringScheduleSchema]);
export type SilenceSchedule = z.output<typeof silenceScheduleSchema>;

export const silenceDefinitionSchema = z
  .object({
    comment: z.string().max(1000).default(''),
    createdBy: z.string().max(200).default(''),
    /** Mute this rule's alerts (with matchers: only those also matching). */
    ruleId: z.string().min(1).optional(),
    matchers: z.array(silenceMatcherSchema).max(20).default([]),
    schedule: silenceScheduleSchema,
  })
  .refine((silence) => silence.ruleId !== undefined || silence.matchers.length > 0, {
    path: ['matchers'],
    message: 'a silence needs a rule or at least one matcher',
  });
export type SilenceDefinition = z.output<typeof silenceDefinitionSchema>;
export type SilenceDefinitionInput = z.input<typeof silenceDefinitionSchema>;

export const silenceWriteSchema = silenceDefinitionSchema;

export const silenceSchema = z.object({
  id: z.string(),
  definition: silenceDefinitionSchema,
  updatedMs: z.number(),
  /** Muting now. */
  active: z.boolean(),
  /** `expired`: a one-off window that has ended (kept for the record). */
  status: z.enum(['active', 'scheduled', 'expired']),
  /** For recurring silences: the next window's start (unix ms), if any. */
  nextStartMs: z.number().nullable(),
});
export type Silence = z.infer<typeof silenceSchema>;

export const silenceListResponseSchema = z.object({
  silences: z.array(silenceSchema),
});
export type SilenceListResponse = z.infer<typeof silenceListResponseSchema>;
