/** Distinct, stable colours per service; red is left out (it means error everywhere in the UI). */

export const SERVICE_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#86bcb6',
  '#a0cbe8',
  '#ffbe7d',
  '#8cd17d',
  '#d4a6c8',
  '#b6992d',
  '#d37295',
  '#6b8fd6',
] as const;

/** Colours in order of first appearance, so the services of one trace never share a colour (up to the palette size). */
export function assignServiceColors(serviceNames: Iterable<string>): ReadonlyMap<string, string> {
  const colors = new Map<string, string>();
  for (const name of serviceNames) {
    if (!colors.has(name)) colors.set(name, SERVICE_PALETTE[colors.size % SERVICE_PALETTE.length] ?? '#888888');
  }
  return colors;
}

/** A colour from the service name alone, the same on every page. */
export function hashServiceColor(serviceName: string): string {
  let hash = 2166136261;
  for (let i = 0; i < serviceName.length; i++) {
    hash ^= serviceName.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return SERVICE_PALETTE[(hash >>> 0) % SERVICE_PALETTE.length] ?? '#888888';
}

/** Black or white, whichever reads better on `hex` (`#rrggbb`). */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const value = Number.parseInt(hex.slice(1), 16);
  if (Number.isNaN(value)) return '#000000';
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 255) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
