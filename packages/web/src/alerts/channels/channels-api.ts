/** The notification channel endpoints: list, read, write, delete, send a test, delivery log. */

import {
  channelListResponseSchema,
  channelSchema,
  channelTestResponseSchema,
  deliveryListResponseSchema,
  type Channel,
  type ChannelDefinitionInput,
  type ChannelListResponse,
  type ChannelTestResponse,
  type DeliveryListResponse,
} from '@sightline/contract';
import { requestEmpty, requestJson } from '../../api/http-client.ts';

const CHANNELS_PATH = 'api/v1/alerts/channels';
const channelPath = (id: string): string => `${CHANNELS_PATH}/${encodeURIComponent(id)}`;

export function listChannels(signal?: AbortSignal): Promise<ChannelListResponse> {
  return requestJson(CHANNELS_PATH, channelListResponseSchema, { signal });
}

export function createChannel(body: ChannelDefinitionInput): Promise<Channel> {
  return requestJson(CHANNELS_PATH, channelSchema, { method: 'POST', body });
}

export function updateChannel(id: string, body: ChannelDefinitionInput): Promise<Channel> {
  return requestJson(channelPath(id), channelSchema, { method: 'PUT', body });
}

/** DELETE answers 204 without a body. */
export function deleteChannel(id: string): Promise<void> {
  return requestEmpty(channelPath(id), { method: 'DELETE' });
}

/** Sends a test notification through a saved channel now, once. */
export function testChannel(id: string): Promise<ChannelTestResponse> {
  return requestJson(`${channelPath(id)}/test`, channelTestResponseSchema, { method: 'POST' });
}

/** Sends a test notification through an unsaved definition. */
export function testChannelDefinition(body: ChannelDefinitionInput): Promise<ChannelTestResponse> {
  return requestJson(`${CHANNELS_PATH}/test`, channelTestResponseSchema, { method: 'POST', body });
}

/** The channel's delivery attempts, newest first. */
export function listDeliveries(id: string, signal?: AbortSignal): Promise<DeliveryListResponse> {
  return requestJson(`${channelPath(id)}/deliveries`, deliveryListResponseSchema, { signal });
}
