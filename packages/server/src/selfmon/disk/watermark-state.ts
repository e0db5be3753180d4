import type { WatermarkState } from '@sightline/contract';

export interface WatermarkThresholds {
  readonly softWatermarkPercent: number;
  readonly hardWatermarkPercent: number;
  readonly hysteresisPercent: number;
}

/**
 * The watermark state after a measurement. A mark is entered as soon as usage reaches it and left
 * only once usage is `hysteresisPercent` below it, so a disk hovering at a mark does not flap.
 */
export function nextWatermarkState(previous: WatermarkState, usedPercent: number, marks: WatermarkThresholds): WatermarkState {
  const { softWatermarkPercent: soft, hardWatermarkPercent: hard, hysteresisPercent: band } = marks;
  if (usedPercent >= hard) return 'hard';
  if (previous === 'hard' && usedPercent >= hard - band) return 'hard';
  if (usedPercent >= soft) return 'soft';
  if (previous !== 'ok' && usedPercent >= soft - band) return 'soft';
  return 'ok';
}

/** The gauge value of a state: 0 ok, 1 soft, 2 hard. */
export function watermarkLevel(state: WatermarkState): number {
  return state === 'ok' ? 0 : state === 'soft' ? 1 : 2;
}
