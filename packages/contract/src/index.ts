export {
  alertComparisons,
  alertConditionSchema,
  alertMatchTypes,
  alertNoDataSchema,
  alertNotifySchema,
  alertPreviewGroupSchema,
  alertPreviewRequestSchema,
  alertPreviewResponseSchema,
  alertQuerySchema,
  alertRuleDefinitionSchema,
  alertRuleWriteSchema,
  alertSeverities,
  alertSeveritySchema,
  alertThresholdSchema,
  apmAlertMeasures,
  apmAlertQuerySchema,
  exceptionsAlertQuerySchema,
  logsAlertQuerySchema,
  metricAlertQuerySchema,
} from './alert-rules.ts';
export type {
  AlertCondition,
  AlertPreviewGroup,
  AlertPreviewRequest,
  AlertPreviewResponse,
  AlertQuery,
  AlertRuleDefinition,
  AlertRuleDefinitionInput,
  AlertSeverity,
  AlertThreshold,
  ApmAlertQuery,
  ExceptionsAlertQuery,
  LogsAlertQuery,
  MetricAlertQuery,
} from './alert-rules.ts';
export {
  channelDefinitionSchema,
  channelListResponseSchema,
  channelSchema,
  channelSettingsSchema,
  channelTestResponseSchema,
  channelTypes,
  channelWriteSchema,
  deliveryKinds,
  deliveryListResponseSchema,
  deliverySchema,
  deliveryStatuses,
  emailChannelSchema,
  opsgenieChannelSchema,
  pagerDutyChannelSchema,
  slackChannelSchema,
  teamsChannelSchema,
  webhookChannelSchema,
} from './alert-channels.ts';
export type {
  Channel,
  ChannelDefinition,
  ChannelDefinitionInput,
  ChannelListResponse,
  ChannelSettings,
  ChannelTestResponse,
  ChannelType,
  Delivery,
  DeliveryListResponse,
} from './alert-channels.ts';
export {
  onceScheduleSchema,
  recurringScheduleSchema,
  silenceDefinitionSchema,
  silenceListResponseSchema,
  silenceMatcherSchema,
  silenceScheduleSchema,
  silenceSchema,
  silenceWriteSchema,
} from './alert-silences.ts';
export type { Silence, SilenceDefinition, SilenceDefinitionInput, SilenceListResponse, SilenceMatcher, SilenceSchedule } from './alert-silences.ts';
export {
  alertHistoryQuerySchema,
  alertHistoryResponseSchema,
  alertInstanceListResponseSchema,
  alertInstanceSchema,
  alertReasonSchema,
  alertRuleDetailResponseSchema,
  alertRuleListResponseSchema,
  alertRuleSchema,
  alertRuleSummarySchema,
  alertStateSchema,
  alertStates,
  alertTransitionSchema,
} from './alert-state.ts';
export type {
  AlertHistoryQuery,
  AlertHistoryResponse,
  AlertInstance,
  AlertInstanceListResponse,
  AlertReason,
  AlertRule,
  AlertRuleDetailResponse,
  AlertRuleListResponse,
  AlertRuleSummary,
  AlertState,
  AlertTransition,
} from './alert-state.ts';
export { adminBackupRequestSchema, backupManifestSchema, backupProgressEventSchema, backupTableSchema } from './admin-backup.ts';
export type { AdminBackupRequest, BackupManifest, BackupProgressEvent, BackupTable } from './admin-backup.ts';
export {
  adminStorageResponseSchema,
  readyzResponseSchema,
  storageDiskStatusSchema,
  storageSignalSchema,
  storageSignalUsageSchema,
  storageTableUsageSchema,
  storageVolumeSchema,
  storageWatermarkSchema,
  watermarkStateSchema,
} from './admin-storage.ts';
export type {
  AdminStorageResponse,
  ReadyzResponse,
  StorageDiskStatus,
  StorageSignal,
  StorageSignalUsage,
  StorageTableUsage,
  StorageVolume,
  StorageWatermark,
  WatermarkState,
} from './admin-storage.ts';
export { anyValueSchema, attributesSchema, keyValueSchema } from './any-value.ts';
export type { AnyValue, Attributes, KeyValue } from './any-value.ts';
export {
  attributeKeySchema,
  attributeKeysQuerySchema,
  attributeKeysResponseSchema,
  attributeScopeSchema,
  attributeTypeSchema,
  attributeValuesQuerySchema,
  attributeValuesResponseSchema,
  MAX_ATTRIBUTE_KEYS,
  MAX_ATTRIBUTE_VALUES,
} from './attribute-suggestions.ts';
export type {
  AttributeKey,
  AttributeKeysQuery,
  AttributeKeysResponse,
  AttributeScope,
  AttributeType,
  AttributeValuesQuery,
  AttributeValuesResponse,
} from './attribute-suggestions.ts';
export { catalogSignalSchema, operationsQuerySchema, operationsResponseSchema, servicesQuerySchema, servicesResponseSchema } from './catalog.ts';
export type { CatalogSignal, OperationsQuery, OperationsResponse, ServicesQuery, ServicesResponse } from './catalog.ts';
export { errorResponseSchema } from './errors.ts';
export type { ErrorResponse } from './errors.ts';
export { attributeFilterOps, attributeFilterSchema, attributeFiltersSchema, cursorSchema, limitSchema, MAX_FILTERS } from './filters.ts';
export type { AttributeFilter, AttributeFilterOp } from './filters.ts';
export { logContextQuerySchema, logContextResponseSchema, MAX_CONTEXT_LINES } from './log-context.ts';
export type { LogContextQuery, LogContextResponse } from './log-context.ts';
export {
  logHistogramBucketSchema,
  logHistogramRequestSchema,
  logHistogramResponseSchema,
  MAX_HISTOGRAM_BUCKETS,
  severityCountsSchema,
} from './log-histogram.ts';
export type { LogHistogramBucket, LogHistogramParams, LogHistogramRequest, LogHistogramResponse, SeverityCounts, SeverityGroup } from './log-histogram.ts';
export { logTailMessageSchema, logTailQuerySchema, MAX_TAIL_MESSAGE_LOGS } from './log-tail.ts';
export type { LogTailMessage, LogTailParams, LogTailQuery } from './log-tail.ts';
export { logFilterFields, logIdSchema, logRecordSchema, logSearchRequestSchema, logSearchResponseSchema, requireOrderedSeverity } from './logs.ts';
export type { LogRecord, LogSearchParams, LogSearchRequest, LogSearchResponse } from './logs.ts';
export {
  labelFilterSchema,
  labelKeysQuerySchema,
  labelKeysResponseSchema,
  labelValuesParamsSchema,
  labelValuesQuerySchema,
  labelValuesResponseSchema,
  metricInfoSchema,
  metricListQuerySchema,
  metricListResponseSchema,
  metricPointSchema,
  metricQueryRequestSchema,
  metricQueryResponseSchema,
  metricSeriesSchema,
  metricTypeSchema,
} from './metrics.ts';
export type {
  LabelFilter,
  LabelKeysResponse,
  LabelValuesResponse,
  MetricInfo,
  MetricListResponse,
  MetricPoint,
  MetricQueryParams,
  MetricQueryRequest,
  MetricQueryResponse,
  MetricSeries,
  MetricType,
} from './metrics.ts';
export { fromQueryText } from './query-string.ts';
export type { QueryTextFields } from './query-string.ts';
export { resourceSchema, scopeSchema } from './resource.ts';
export type { Resource, Scope } from './resource.ts';
export { durationSchema, spanSearchQuerySchema, spanSearchRequestSchema, spanSearchResponseSchema, spanSummarySchema } from './span-search.ts';
export type { SpanSearchParams, SpanSearchRequest, SpanSearchResponse, SpanSummary } from './span-search.ts';
export { nanosSchema, parseTimeToNanos, requireOrderedRange, spanIdInputSchema, spanIdSchema, timeSchema, traceIdInputSchema, traceIdSchema } from './time.ts';
export {
  addDays,
  browserTimeZone,
  isKnownTimeZone,
  isValidTimeZone,
  LOCAL_TIME_ZONE,
  localDay,
  nextDate,
  offsetMs,
  timeZoneChoices,
  wallClockToUnixMs,
  weekdayOf,
  zonedClock,
  zonedDate,
  zonedDateTimeValue,
  zonedInstant,
  zonedParts,
  zonedToMs,
} from './zoned-time.ts';
export type { LocalDay, WallClock, ZonedParts } from './zoned-time.ts';
export {
  spanEventSchema,
  spanKindSchema,
  spanLinkSchema,
  spanSchema,
  statusCodeSchema,
  traceParamsSchema,
  traceQuerySchema,
  traceResponseSchema,
} from './traces.ts';
export type { Span, SpanEvent, SpanLink, TraceQuery, TraceResponse } from './traces.ts';
export {
  MAX_SCATTER_POINTS,
  scatterPointSchema,
  spanStatusNameSchema,
  traceScatterRequestSchema,
  traceScatterResponseSchema,
  traceSearchRequestSchema,
  traceSearchResponseSchema,
  traceSummarySchema,
} from './trace-search.ts';
export type {
  ScatterPoint,
  SpanStatusName,
  TraceScatterParams,
  TraceScatterRequest,
  TraceScatterResponse,
  TraceSearchParams,
  TraceSearchRequest,
  TraceSearchResponse,
  TraceSummary,
} from './trace-search.ts';
export { serverInfoResponseSchema } from './server-info.ts';
export type { ServerInfoResponse } from './server-info.ts';
export { APM_OVERFLOW_NAME, apmRangeQuerySchema, overflowNoticeSchema, redStatsSchema, seriesStepsSchema } from './apm-common.ts';
export type { ApmRangeQuery, OverflowNotice, RedStats } from './apm-common.ts';
export {
  apmApdexSettingsResponseSchema,
  apmApdexUpdateSchema,
  apmInstancesQuerySchema,
  apmInstancesResponseSchema,
  apmOperationSchema,
  apmOperationsQuerySchema,
  apmOperationsResponseSchema,
  apmRecentErrorsQuerySchema,
  apmRecentErrorsResponseSchema,
  apmServiceSeriesQuerySchema,
  apmServiceSeriesResponseSchema,
  apmServicesQuerySchema,
  apmServicesResponseSchema,
  apmServiceSummarySchema,
} from './apm-services.ts';
export type {
  ApmApdexSettingsResponse,
  ApmApdexUpdate,
  ApmInstancesQuery,
  ApmInstancesResponse,
  ApmOperation,
  ApmOperationsQuery,
  ApmOperationsResponse,
  ApmRecentErrorsQuery,
  ApmRecentErrorsResponse,
  ApmServiceSeriesQuery,
  ApmServiceSeriesResponse,
  ApmServicesQuery,
  ApmServicesResponse,
  ApmServiceSummary,
} from './apm-services.ts';
export {
  apmDbStatementsQuerySchema,
  apmDbStatementsResponseSchema,
  apmDependenciesQuerySchema,
  apmDependenciesResponseSchema,
  apmDependencySchema,
  dependencyTypeSchema,
} from './apm-dependencies.ts';
export type {
  ApmDbStatementsQuery,
  ApmDbStatementsResponse,
  ApmDependenciesQuery,
  ApmDependenciesResponse,
  ApmDependency,
  DependencyType,
} from './apm-dependencies.ts';
export {
  apmServiceMapQuerySchema,
  apmServiceMapResponseSchema,
  serviceMapEdgeSchema,
  serviceMapNodeKindSchema,
  serviceMapNodeSchema,
} from './apm-service-map.ts';
export type { ApmServiceMapQuery, ApmServiceMapResponse, ServiceMapEdge, ServiceMapNode, ServiceMapNodeKind } from './apm-service-map.ts';
export { apmExceptionGroupSchema, apmExceptionSampleSchema, apmExceptionsQuerySchema, apmExceptionsResponseSchema } from './apm-exceptions.ts';
export type { ApmExceptionGroup, ApmExceptionsQuery, ApmExceptionsResponse } from './apm-exceptions.ts';
export {
  consumerLagSchema,
  messagingDestinationQuerySchema,
  messagingDestinationResponseSchema,
  messagingDestinationSchema,
  messagingDestinationsQuerySchema,
  messagingDestinationsResponseSchema,
  messagingGroupSchema,
  messagingHintCodeSchema,
  messagingHintSchema,
  messagingHintsQuerySchema,
  messagingHintsResponseSchema,
  messagingOperationSchema,
  messagingPartitionSchema,
  messagingRoleSchema,
  messagingSeriesSchema,
  transitLatencySchema,
} from './messaging.ts';
export type {
  ConsumerLag,
  MessagingDestination,
  MessagingDestinationQuery,
  MessagingDestinationResponse,
  MessagingDestinationsQuery,
  MessagingDestinationsResponse,
  MessagingGroup,
  MessagingHint,
  MessagingHintCode,
  MessagingHintsQuery,
  MessagingHintsResponse,
  MessagingOperation,
  MessagingPartition,
  MessagingRole,
  MessagingSeries,
  TransitLatency,
} from './messaging.ts';
export {
  hostFilesystemSchema,
  hostSeriesSchema,
  hostServiceSchema,
  hostSourceSchema,
  hostSummarySchema,
  infraHostDetailQuerySchema,
  infraHostDetailResponseSchema,
  infraHostsQuerySchema,
  infraHostsResponseSchema,
} from './infra.ts';
export type {
  HostFilesystem,
  HostSeries,
  HostService,
  HostSource,
  HostSummary,
  InfraHostDetailQuery,
  InfraHostDetailResponse,
  InfraHostsQuery,
  InfraHostsResponse,
} from './infra.ts';
export {
  MAX_SCRAPE_INTERVAL_SECONDS,
  MIN_SCRAPE_INTERVAL_SECONDS,
  prometheusTargetCreateSchema,
  prometheusTargetSchema,
  prometheusTargetsResponseSchema,
  scrapeIntervalSchema,
} from './prometheus-targets.ts';
export type { PrometheusTarget, PrometheusTargetCreate, PrometheusTargetCreateParams, PrometheusTargetsResponse } from './prometheus-targets.ts';
export {
  dashboardCloneSchema,
  dashboardDefinitionSchema,
  dashboardListResponseSchema,
  dashboardSchema,
  dashboardSummarySchema,
  dashboardVariableSchema,
  dashboardWriteSchema,
  panelQueryRequestSchema,
  panelQueryResponseSchema,
  panelQuerySchema,
  panelSchema,
  panelSeriesSchema,
  panelUnitSchema,
} from './dashboards.ts';
export type {
  Dashboard,
  DashboardDefinition,
  DashboardDefinitionInput,
  DashboardListResponse,
  DashboardVariable,
  Panel,
  PanelQuery,
  PanelQueryRequest,
  PanelQueryResponse,
  PanelUnit,
} from './dashboards.ts';
export {
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  retentionChangeSchema,
  retentionResponseSchema,
  retentionSignalSchema,
  retentionUpdateSchema,
  signalRetentionSchema,
} from './admin-retention.ts';
export type { RetentionChange, RetentionResponse, RetentionSignalName, RetentionUpdate, SignalRetention } from './admin-retention.ts';
export {
  accessScopeSchema,
  apiKeyCreateSchema,
  apiKeyCreatedSchema,
  apiKeySchema,
  auditActorKindSchema,
  auditEntrySchema,
  auditOutcomeSchema,
  auditQuerySchema,
  apiKeyListResponseSchema,
  auditFormats,
  auditListResponseSchema,
  auditRequestSchema,
  authStatusResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  ownPasswordChangeSchema,
  passwordResetSchema,
  principalSchema,
  setupRequestSchema,
  userListResponseSchema,
  loginRequestSchema,
  passwordChangeSchema,
  roleSchema,
  roles,
  userCreateSchema,
  userSchema,
  userSourceSchema,
  userUpdateSchema,
  usernameSchema,
} from './auth.ts';
export type {
  AccessScope,
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  AuditActorKind,
  AuditEntry,
  AuditOutcome,
  AuditQuery,
  ApiKeyListResponse,
  AuditListResponse,
  AuditRequest,
  AuthStatusResponse,
  LoginResponse,
  MeResponse,
  OwnPasswordChange,
  PasswordReset,
  PrincipalInfo,
  SetupRequest,
  UserListResponse,
  LoginRequest,
  PasswordChange,
  Role,
  User,
  UserCreate,
  UserSource,
  UserUpdate,
} from './auth.ts';
