import { z } from 'zod';

/** GET endpoints receive every parameter as text; these turn the text into the JSON form. */
export interface QueryTextFields {
  readonly numbers?: readonly string[];
  readonly booleans?: readonly string[];
  /** Parameters carrying JSON (e.g. filter lists). */
  readonly json?: readonly string[];
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Converts the named text parameters (numbers, booleans, JSON) before `schema` validates the whole;
 * text that does not convert is left as is, so the schema reports the field.
 */
export function fromQueryText<T extends z.ZodType>(fields: QueryTextFields, schema: T) {
  return z.preprocess((input, ctx) => {
    if (typeof input !== 'object' || input === null) return input;
    const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const key of fields.numbers ?? []) {
      const value = out[key];
      if (typeof value === 'string' && NUMBER.test(value)) out[key] = Number(value);
    }
    for (const key of fields.booleans ?? []) {
      const value = out[key];
      if (value === 'true' || value === '1') out[key] = true;
      else if (value === 'false' || value === '0') out[key] = false;
    }
    for (const key of fields.json ?? []) {
      const value = out[key];
      if (typeof value !== 'string') continue;
      try {
        out[key] = JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', path: [key], message: 'expected JSON', input: value });
      }
    }
    return out;
  }, schema);
}
