import { alertRuleDefinitionSchema, channelDefinitionSchema, silenceDefinitionSchema } from '@sightline/contract';
import type { Store } from '../../../storage/store.ts';
import type { ReadLimits } from '../../read-limits.ts';
import { DefinitionTable } from './definition-table.ts';
import { StoreDeliveryLog } from './deliveries.ts';

/** The alerting metadata tables of one store. */
export interface AlertDefinitions {
  readonly rules: DefinitionTable<typeof alertRuleDefinitionSchema>;
  readonly channels: DefinitionTable<typeof channelDefinitionSchema>;
  readonly silences: DefinitionTable<typeof silenceDefinitionSchema>;
  readonly deliveries: StoreDeliveryLog;
}

export function alertDefinitions(store: Store, limits: ReadLimits): AlertDefinitions {
  return {
    rules: new DefinitionTable(store, limits, 'alert_rules', alertRuleDefinitionSchema),
    channels: new DefinitionTable(store, limits, 'alert_channels', channelDefinitionSchema),
    silences: new DefinitionTable(store, limits, 'alert_silences', silenceDefinitionSchema),
    deliveries: new StoreDeliveryLog(store, limits),
  };
}
