/** An OTLP AnyValue, kept with its type so nothing is lost between the wire and the store. */
export type AnyValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'bytes'; readonly value: Uint8Array }
  | { readonly kind: 'array'; readonly value: readonly AnyValue[] }
  | { readonly kind: 'kvlist'; readonly value: readonly KeyValue[] }
  | { readonly kind: 'empty' };

export interface KeyValue {
  readonly key: string;
  readonly value: AnyValue;
}

export type Attributes = readonly KeyValue[];

export const EMPTY_VALUE: AnyValue = { kind: 'empty' };

export function stringAttribute(attributes: Attributes, key: string): string | undefined {
  for (const attribute of attributes) {
    if (attribute.key === key && attribute.value.kind === 'string') return attribute.value.value;
  }
  return undefined;
}
