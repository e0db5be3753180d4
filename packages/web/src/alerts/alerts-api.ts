/** The alert rule endpoints: rules, preview, instances, history, and the metric names and labels the editor suggests. */

import {
  alertHistoryResponseSchema,
  alertInstanceListResponseSchema,
  alertPreviewResponseSchema,
  alertRuleDetailResponseSchema,
  alertRuleListResponseSchema,
  alertRuleSchema,
  labelKeysResponseSchema,
  metricListResponseSchema,
  type AlertHistoryResponse,
  type AlertInstanceListResponse,
  type AlertPreviewRequest,
  type AlertPreviewResponse,
  type AlertRule,
  type AlertRuleDefinitionInput,
  type AlertRuleDetailResponse,
  type AlertRuleListResponse,
  type MetricInfo,
} from '@sightline/contract';
import { requestEmpty, requestJson } from '../api/http-client.ts';

const ALERTS_PATH = 'api/v1/alerts';
const RULES_PATH = `${ALERTS_PATH}/rules`;
const rulePath = (id: string): string => `${RULES_PATH}/${encodeURIComponent(id)}`;

export function listRules(signal?: AbortSignal): Promise<AlertRuleListResponse> {
  return requestJson(RULES_PATH, alertRuleListResponseSchema, { signal });
}

export function getRule(id: string, signal?: AbortSignal): Promise<AlertRuleDetailResponse> {
  return requestJson(rulePath(id), alertRuleDetailResponseSchema, { signal });
}

export function createRule(definition: AlertRuleDefinitionInput): Promise<AlertRule> {
  return requestJson(RULES_PATH, alertRuleSchema, { method: 'POST', body: definition });
}

export function updateRule(id: string, definition: AlertRuleDefinitionInput): Promise<AlertRule> {
  return requestJson(rulePath(id), alertRuleSchema, { method: 'PUT', body: definition });
}

export function deleteRule(id: string): Promise<void> {
  return requestEmpty(rulePath(id), { method: 'DELETE' });
}

export function previewRule(request: AlertPreviewRequest, signal?: AbortSignal): Promise<AlertPreviewResponse> {
  return requestJson(`${RULES_PATH}/preview`, alertPreviewResponseSchema, { method: 'POST', body: request, signal });
}

/** Instances that are not inactive, most severe and newest first. */
export function listInstances(signal?: AbortSignal): Promise<AlertInstanceListResponse> {
  return requestJson(`${ALERTS_PATH}/instances`, alertInstanceListResponseSchema, { signal });
}

export interface HistoryQuery {
  readonly startMs: number;
  readonly endMs: number;
  readonly ruleId?: string;
  readonly limit?: number;
}

/** State changes in the range, newest first. */
export function alertHistory(query: HistoryQuery, signal?: AbortSignal): Promise<AlertHistoryResponse> {
  return requestJson(`${ALERTS_PATH}/history`, alertHistoryResponseSchema, {
    query: { start: query.startMs, end: query.endMs, ruleId: query.ruleId, limit: query.limit },
    signal,
  });
}

interface RangeMs {
  readonly startMs: number;
  readonly endMs: number;
}

/** The metrics with data in the range (names, types, units), for the editor's suggestions. */
export async function listMetrics(range: RangeMs, signal?: AbortSignal): Promise<readonly MetricInfo[]> {
  return (await requestJson('api/v1/metrics', metricListResponseSchema, { query: { start: range.startMs, end: range.endMs }, signal })).metrics;
}

/** The label names among one metric's series in the range. */
export async function metricLabelKeys(metric: string, range: RangeMs, signal?: AbortSignal): Promise<readonly string[]> {
  return (await requestJson('api/v1/metrics/labels', labelKeysResponseSchema, { query: { metric, start: range.startMs, end: range.endMs }, signal })).keys;
}
