import { z } from 'zod';

export const attributeFilterOps = ['equals', 'not_equals', 'exists', 'not_exists', 'contains'] as const;
export type AttributeFilterOp = (typeof attributeFilterOps)[number];

/**
 * A condition on one attribute. The value compares as text with string, int, double and bool
 * attributes; `contains` is a case-insensitive substring match; `not_equals` also matches items
 * without the attribute.
 */
export const attributeFilterSchema = z
  .object({
    key: z.string().min(1),
    op: z.enum(attributeFilterOps),
    value: z.string().optional(),
  })
  .superRefine((filter, ctx) => {
    const needsValue = filter.op === 'equals' || filter.op === 'not_equals' || filter.op === 'contains';
    if (needsValue && filter.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `is required for ${filter.op}` });
  });
export type AttributeFilter = z.infer<typeof attributeFilterSchema>;

/** Most filters one request may carry (each becomes part of the query). */
export const MAX_FILTERS = 32;

export const attributeFiltersSchema = z.array(attributeFilterSchema).max(MAX_FILTERS);

/** A page size in a request; the server caps it at its configured maximum. */
export const limitSchema = z.number().int().positive();

/** An opaque pagination cursor returned by the previous page. */
export const cursorSchema = z.string().min(1).max(4096);
