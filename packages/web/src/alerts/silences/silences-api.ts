/** The silence endpoints: list, create, update, delete. */

import { silenceListResponseSchema, silenceSchema, type Silence, type SilenceDefinitionInput, type SilenceListResponse } from '@sightline/contract';
import { requestEmpty, requestJson } from '../../api/http-client.ts';

const SILENCES_PATH = 'api/v1/alerts/silences';
const silencePath = (id: string): string => `${SILENCES_PATH}/${encodeURIComponent(id)}`;

export function listSilences(signal?: AbortSignal): Promise<SilenceListResponse> {
  return requestJson(SILENCES_PATH, silenceListResponseSchema, { signal });
}

export function createSilence(body: SilenceDefinitionInput): Promise<Silence> {
  return requestJson(SILENCES_PATH, silenceSchema, { method: 'POST', body });
}

export function updateSilence(id: string, body: SilenceDefinitionInput): Promise<Silence> {
  return requestJson(silencePath(id), silenceSchema, { method: 'PUT', body });
}

/** DELETE answers 204 without a body. */
export function deleteSilence(id: string): Promise<void> {
  return requestEmpty(silencePath(id), { method: 'DELETE' });
}
