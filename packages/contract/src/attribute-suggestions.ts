import { z } from 'zod';
import { catalogSignalSchema } from './catalog.ts';
import { requireOrderedRange, timeSchema } from './time.ts';

/** Whose attributes: the span's (for logs: the record's own) or the resource's. */
export const attributeScopeSchema = z.enum(['span', 'resource']);
export type AttributeScope = z.infer<typeof attributeScopeSchema>;

/** How an attribute's values are stored; `other` covers bytes, arrays, key-value lists and empty values. */
export const attributeTypeSchema = z.enum(['string', 'int', 'float', 'bool', 'other']);
export type AttributeType = z.infer<typeof attributeTypeSchema>;

/** Most keys and values one suggestion response carries. */
export const MAX_ATTRIBUTE_KEYS = 500;
export const MAX_ATTRIBUTE_VALUES = 100;

const suggestionFields = {
  signal: catalogSignalSchema.default('traces'),
  scope: attributeScopeSchema.default('span'),
  start: timeSchema,
  end: timeSchema,
  /** Case-insensitive prefix (for ASCII letters); `%` and `_` are literal. */
  prefix: z.string().max(1000).optional(),
};

/** `GET /api/v1/attributes/keys` query. */
export const attributeKeysQuerySchema = z.object(suggestionFields).superRefine(requireOrderedRange);
export type AttributeKeysQuery = z.input<typeof attributeKeysQuerySchema>;

export const attributeKeySchema = z.object({
  key: z.string(),
  /** The key's most frequent type in the range. */
  type: attributeTypeSchema,
});
export type AttributeKey = z.infer<typeof attributeKeySchema>;

export const attributeKeysResponseSchema = z.object({
  /** Distinct keys seen in the range, sorted, at most MAX_ATTRIBUTE_KEYS. */
  keys: z.array(attributeKeySchema).max(MAX_ATTRIBUTE_KEYS),
});
export type AttributeKeysResponse = z.infer<typeof attributeKeysResponseSchema>;

/** `GET /api/v1/attributes/values` query. */
export const attributeValuesQuerySchema = z.object({ ...suggestionFields, key: z.string().min(1) }).superRefine(requireOrderedRange);
export type AttributeValuesQuery = z.input<typeof attributeValuesQuerySchema>;

export const attributeValuesResponseSchema = z.object({
  /**
   * Values of string, int, float and bool attributes as text (as the `equals` filter compares them),
   * most frequent first, at most MAX_ATTRIBUTE_VALUES.
   */
  values: z.array(z.string()).max(MAX_ATTRIBUTE_VALUES),
});
export type AttributeValuesResponse = z.infer<typeof attributeValuesResponseSchema>;
