/**
 * The API reports a rejected body as one message, `path.to.field: what is wrong; other.path: …` (its
 * validation summary of zod issues; `request: …` for the body as a whole). This splits it back into
 * issues so forms can show each one next to its field. Pure.
 */

import { ApiError } from '../api/api-error.ts';

export interface ApiIssue {
  /** The field's path, e.g. `['settings', 'url']`; empty when the message names no field. */
  readonly path: readonly string[];
  readonly message: string;
}

const ISSUE = /^([\w-]+(?:\.[\w-]+)*): ([\s\S]*)$/;

/** `name: Too small; settings.url: Invalid URL` → two issues; `request: …` or a message without paths → one pathless issue. */
export function parseApiIssues(message: string): ApiIssue[] {
  const chunks = message.split(/; (?=[\w.-]+: )/);
  return chunks
    .map((chunk) => {
      const match = ISSUE.exec(chunk);
      if (match === null) return { path: [], message: chunk.trim() };
      const path = match[1] ?? '';
      return { path: path === 'request' ? [] : path.split('.'), message: (match[2] ?? '').trim() };
    })
    .filter((issue) => issue.message !== '');
}

/**
 * Issues sorted to the form's fields (`fieldOf` maps a path to a field, or undefined) and the rest,
 * for a banner. The first issue of a field wins.
 */
export function issuesByField<F extends string>(
  issues: readonly ApiIssue[],
  fieldOf: (path: readonly string[]) => F | undefined,
): { readonly problems: Partial<Record<F, string>>; readonly unplaced: string[] } {
  const problems: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field === undefined) unplaced.push(issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`);
    else problems[field] ??= issue.message;
  }
  return { problems, unplaced };
}

/** The message of the API's refusal of a body (a 400), or undefined for any other failure. */
export function refusalMessage(failure: unknown): string | undefined {
  return failure instanceof ApiError && failure.status === 400 ? failure.message : undefined;
}

/** A 400 from the API sorted to the form's fields, as `issuesByField`; undefined for any other failure. */
export function refusalByField<F extends string>(
  failure: unknown,
  fieldOf: (path: readonly string[]) => F | undefined,
): { readonly problems: Partial<Record<F, string>>; readonly unplaced: string[] } | undefined {
  const message = refusalMessage(failure);
  return message === undefined ? undefined : issuesByField(parseApiIssues(message), fieldOf);
}
