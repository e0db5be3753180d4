/**
 * The API reports a rejected body as one message, `path.to.field: what is wrong; other.path: …` (its
 * validation summary of zod issues). This splits it back into issues so forms can show each one next
 * to its field. Pure.
 */

export interface ApiIssue {
  /** The field's path, e.g. `['settings', 'url']`; empty when the message names no field. */
  readonly path: readonly string[];
  readonly message: string;
}

/** `name: Too small; settings.url: Invalid URL` → two issues; a message without paths → one pathless issue. */
export function parseApiIssues(message: string): ApiIssue[] {
  const chunks = message.split(/; (?=[\w.-]+: )/);
  return chunks
    .map((chunk) => {
      const match = /^([\w-]+(?:\.[\w-]+)*): ([\s\S]*)$/.exec(chunk);
      if (match === null || match[1] === 'request') return { path: [], message: chunk.trim() };
      return { path: (match[1] ?? '').split('.'), message: (match[2] ?? '').trim() };
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
