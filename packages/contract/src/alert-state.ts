import { z } from 'zod';
import { alertRuleDefinitionSchema, alertSeveritySchema } from './alert-rules.ts';
import { apmQuery } from './apm-common.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/**
 * Alert instances (one per rule and group of labels) and their state machine:
 * inactive → pending → firing → resolved (→ pending again …). `pending` → `inactive` when the condition
 * clears before `forSeconds`. `reason` says whether a threshold or missing data drives it.
 */
export const alertStates = ['inactive', 'pending', 'firing', 'resolved'] as const;
export const alertStateSchema = z.enum(alertStates);
export type AlertState = z.infer<typeof alertStateSchema>;

export const alertReasonSchema = z.enum(['threshold', 'no_data']);
export type AlertReason = z.infer<typeof alertReasonSchema>;

export const alertInstanceSchema = z.object({
  ruleId: z.string(),
  /** Stable id of the group's labels within the rule. */
  fingerprint: z.string(),
  /** The group-by labels of the query, plus the rule's labels. */
  labels: z.record(z.string(), z.string()),
  state: alertStateSchema,
  reason: alertReasonSchema,
  severity: alertSeveritySchema.nullable(),
  /** The reduced value at the last evaluation (null: no data). */
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  /** Unix ms: when the current pending/firing episode began (0 when inactive). */
  activeSinceMs: z.number(),
  firedAtMs: z.number(),
  resolvedAtMs: z.number(),
  lastEvaluatedMs: z.number(),
  /** Unix ms of the last notification sent for this instance (0: none). */
  lastNotifiedMs: z.number(),
  /** A silence mutes it now. */
  silenced: z.boolean(),
});
export type AlertInstance = z.infer<typeof alertInstanceSchema>;

export const alertRuleSchema = alertRuleDefinitionSchema.extend({
  id: z.string(),
  /** Created by the server on first start (editable like any other rule). */
  builtin: z.boolean(),
  updatedMs: z.number(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** A rule with its instances' summary, for the alerts list. */
export const alertRuleSummarySchema = alertRuleSchema.extend({
  /** The rule's overall state: the most advanced of its instances (firing > pending > resolved > inactive). */
  state: alertStateSchema,
  /** Severity of the most severe firing (else pending) instance. */
  severity: alertSeveritySchema.nullable(),
  firingCount: z.number().int(),
  pendingCount: z.number().int(),
  /** Unix ms of the newest transition to firing (0: never). */
  lastFiredMs: z.number(),
  lastEvaluatedMs: z.number(),
  /** The last evaluation's error (query failed), empty when it succeeded. */
  lastError: z.string(),
  silenced: z.boolean(),
});
export type AlertRuleSummary = z.infer<typeof alertRuleSummarySchema>;

export const alertRuleListResponseSchema = z.object({
  rules: z.array(alertRuleSummarySchema),
});
export type AlertRuleListResponse = z.infer<typeof alertRuleListResponseSchema>;

/** `GET /api/v1/alerts/rules/:id`. */
export const alertRuleDetailResponseSchema = z.object({
  rule: alertRuleSummarySchema,
  instances: z.array(alertInstanceSchema),
});
export type AlertRuleDetailResponse = z.infer<typeof alertRuleDetailResponseSchema>;

/** `GET /api/v1/alerts/instances`: instances not inactive, most severe and newest first. */
export const alertInstanceListResponseSchema = z.object({
  instances: z.array(alertInstanceSchema),
});
export type AlertInstanceListResponse = z.infer<typeof alertInstanceListResponseSchema>;

/** One state change of an instance. */
export const alertTransitionSchema = z.object({
  ruleId: z.string(),
  fingerprint: z.string(),
  labels: z.record(z.string(), z.string()),
  from: alertStateSchema,
  to: alertStateSchema,
  reason: alertReasonSchema,
  severity: alertSeveritySchema.nullable(),
  value: z.number().nullable(),
  atMs: z.number(),
});
export type AlertTransition = z.infer<typeof alertTransitionSchema>;

/** `GET /api/v1/alerts/history?start&end[&ruleId]`: transitions, newest first. */
export const alertHistoryQuerySchema = apmQuery(
  z
    .object({
      start: timeSchema,
      end: timeSchema,
      ruleId: z.string().min(1).optional(),
      limit: z.number().int().positive().max(5000).default(1000),
    })
    .superRefine(requireOrderedRange),
  ['limit'],
);
export type AlertHistoryQuery = z.input<typeof alertHistoryQuerySchema>;

export const alertHistoryResponseSchema = z.object({
  transitions: z.array(alertTransitionSchema),
});
export type AlertHistoryResponse = z.infer<typeof alertHistoryResponseSchema>;
