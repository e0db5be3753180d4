import { z } from 'zod';

/** An OTLP AnyValue in its OTLP/JSON form (what the API returns for attribute values and log bodies). */
export type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number | 'NaN' | 'Infinity' | '-Infinity' }
  | { bytesValue: string }
  | { arrayValue: { values: AnyValue[] } }
  | { kvlistValue: { values: KeyValue[] } }
  | Record<string, never>;

export interface KeyValue {
  key: string;
  value: AnyValue;
}

export const keyValueSchema: z.ZodType<KeyValue> = z.lazy(() => z.object({ key: z.string(), value: anyValueSchema }));

export const anyValueSchema: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.strictObject({ stringValue: z.string() }),
    z.strictObject({ boolValue: z.boolean() }),
    z.strictObject({ intValue: z.string().regex(/^-?\d+$/) }),
    z.strictObject({ doubleValue: z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]) }),
    z.strictObject({ bytesValue: z.string() }),
    z.strictObject({ arrayValue: z.object({ values: z.array(anyValueSchema) }) }),
    z.strictObject({ kvlistValue: z.object({ values: z.array(keyValueSchema) }) }),
    z.strictObject({}),
  ]),
);

/** Attributes keyed by name; each value keeps its OTLP type. */
export const attributesSchema = z.record(z.string(), anyValueSchema);
export type Attributes = z.infer<typeof attributesSchema>;
