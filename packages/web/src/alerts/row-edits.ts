/** Edits to a list of rows a form shows one by one (thresholds, labels, headers, matchers), as the new list. Pure. */

export function patchRow<R>(rows: readonly R[], index: number, patch: Partial<R>): R[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export function removeRow<R>(rows: readonly R[], index: number): R[] {
  return rows.filter((_, i) => i !== index);
}
