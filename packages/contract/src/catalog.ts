import { z } from 'zod';
import { requireOrderedRange, timeSchema } from './time.ts';

/** Which stored signal a catalog question is about. */
export const catalogSignalSchema = z.enum(['traces', 'logs']);
export type CatalogSignal = z.infer<typeof catalogSignalSchema>;

/** `GET /api/v1/services` query: services with spans (or logs) in the range. */
export const servicesQuerySchema = z
  .object({ signal: catalogSignalSchema.default('traces'), start: timeSchema, end: timeSchema })
  .superRefine(requireOrderedRange);
export type ServicesQuery = z.input<typeof servicesQuerySchema>;

export const servicesResponseSchema = z.object({
  /** Sorted; records without a service name are left out. */
  services: z.array(z.string()),
});
export type ServicesResponse = z.infer<typeof servicesResponseSchema>;

/** `GET /api/v1/operations` query: span names in the range (of one service, when named). */
export const operationsQuerySchema = z
  .object({ service: z.string().min(1).optional(), start: timeSchema, end: timeSchema })
  .superRefine(requireOrderedRange);
export type OperationsQuery = z.input<typeof operationsQuerySchema>;

export const operationsResponseSchema = z.object({
  /** Sorted. */
  operations: z.array(z.string()),
});
export type OperationsResponse = z.infer<typeof operationsResponseSchema>;
