import { z } from 'zod';

/**
 * Notification channels. Each type carries what its service needs; every URL is configurable because
 * constrained sites reach these services through an internal relay or proxy (or not at all).
 */

const urlSchema = z.url({ protocol: /^https?$/ });

export const webhookChannelSchema = z.object({
  type: z.literal('webhook'),
  url: urlSchema,
  /** When set, the body is signed: `X-Sightline-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  hmacSecret: z.string().min(1).max(500).optional(),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(2000)).default({}),
});

export const slackChannelSchema = z.object({
  type: z.literal('slack'),
  /** An incoming-webhook URL. */
  url: urlSchema,
});

export const teamsChannelSchema = z.object({
  type: z.literal('teams'),
  /** A Teams incoming-webhook / workflow URL; the message is an Adaptive Card. */
  url: urlSchema,
});

export const pagerDutyChannelSchema = z.object({
  type: z.literal('pagerduty'),
  /** The integration's routing key (Events API v2). */
  routingKey: z.string().min(1).max(200),
  url: urlSchema.default('https://events.pagerduty.com/v2/enqueue'),
});

export const opsgenieChannelSchema = z.object({
  type: z.literal('opsgenie'),
  apiKey: z.string().min(1).max(200),
  /** The Alert API base (EU accounts: https://api.eu.opsgenie.com). */
  url: urlSchema.default('https://api.opsgenie.com'),
});

export const emailChannelSchema = z.object({
  type: z.literal('email'),
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65_535).default(25),
  /** `starttls`: upgrade when offered (required if `requireTls`); `tls`: TLS from the first byte (port 465). */
  security: z.enum(['none', 'starttls', 'tls']).default('starttls'),
  requireTls: z.boolean().default(false),
  username: z.string().max(200).optional(),
  password: z.string().max(500).optional(),
  from: z.string().min(3).max(320),
  to: z.array(z.string().min(3).max(320)).min(1).max(50),
});

export const channelSettingsSchema = z.discriminatedUnion('type', [
  webhookChannelSchema,
  slackChannelSchema,
  teamsChannelSchema,
  pagerDutyChannelSchema,
  opsgenieChannelSchema,
  emailChannelSchema,
]);
export type ChannelSettings = z.output<typeof channelSettingsSchema>;
export type ChannelType = ChannelSettings['type'];
export const channelTypes = ['webhook', 'slack', 'teams', 'pagerduty', 'opsgenie', 'email'] as const satisfies readonly ChannelType[];

export const channelDefinitionSchema = z.object({
  name: z.string().min(1).max(200),
  settings: channelSettingsSchema,
});
export type ChannelDefinition = z.output<typeof channelDefinitionSchema>;
export type ChannelDefinitionInput = z.input<typeof channelDefinitionSchema>;

/** `POST /api/v1/alerts/channels`, `PUT /api/v1/alerts/channels/:id`. */
export const channelWriteSchema = channelDefinitionSchema;

export const deliveryKinds = ['firing', 'resolved', 'test'] as const;
export const deliveryStatuses = ['sent', 'failed', 'retrying'] as const;

/** One attempt to deliver a notification to a channel. */
export const deliverySchema = z.object({
  channelId: z.string(),
  ruleId: z.string(),
  kind: z.enum(deliveryKinds),
  /** `retrying`: failed, another attempt follows; `failed`: the last attempt failed. */
  status: z.enum(deliveryStatuses),
  attempt: z.number().int().positive(),
  /** Instances in the message. */
  alertCount: z.number().int().nonnegative(),
  error: z.string(),
  atMs: z.number(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const channelSchema = channelDefinitionSchema.extend({
  id: z.string(),
  updatedMs: z.number(),
  /** The newest delivery attempt, if any. */
  lastDelivery: deliverySchema.nullable(),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelListResponseSchema = z.object({
  channels: z.array(channelSchema),
});
export type ChannelListResponse = z.infer<typeof channelListResponseSchema>;

/** `GET /api/v1/alerts/channels/:id/deliveries`: newest first. */
export const deliveryListResponseSchema = z.object({
  deliveries: z.array(deliverySchema),
});
export type DeliveryListResponse = z.infer<typeof deliveryListResponseSchema>;

/** `POST /api/v1/alerts/channels/:id/test` (or `/api/v1/alerts/channels/test` with a definition): sent now, once. */
export const channelTestResponseSchema = z.object({
  ok: z.boolean(),
  error: z.string(),
});
export type ChannelTestResponse = z.infer<typeof channelTestResponseSchema>;
