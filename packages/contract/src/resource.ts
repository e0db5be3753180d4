import { z } from 'zod';
import { attributesSchema } from './any-value.ts';

export const resourceSchema = z.object({
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative(),
  schemaUrl: z.string(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const scopeSchema = z.object({
  name: z.string(),
  version: z.string(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int().nonnegative(),
  schemaUrl: z.string(),
});
export type Scope = z.infer<typeof scopeSchema>;
