import { sql, type SqlFragment } from '../../storage/sql.ts';

/** The statement a db span ran: `db.query.text`, or the older `db.statement`. */
export const STATEMENT_TEXT: SqlFragment = sql`if(mapContains(attributes_string, 'db.query.text'), attributes_string['db.query.text'], attributes_string['db.statement'])`;

/** The database a db span used: `db.namespace`, or the older `db.name`. */
export const DATABASE_NAME: SqlFragment = sql`if(mapContains(attributes_string, 'db.namespace'), attributes_string['db.namespace'], attributes_string['db.name'])`;

/**
 * Hash of a statement's shape, cheap enough for every span: the engine's lexer-based normalization
 * (literals and literal lists → `?`, comments and whitespace dropped, names kept) without building
 * the text.
 */
export function statementShapeHash(statement: SqlFragment): SqlFragment {
  return sql`normalizedQueryHashKeepNames(${statement})`;
}

/**
 * After IN or VALUES: one list or several, of one literal `(?)` or more `(?..)`, as the engine's
 * normalization leaves them; they become one `(?..)` so lists and batches of any size group together.
 */
const VALUE_LISTS = String.raw`(?i)(\b(?:IN|VALUES)\s*)\(\?(?:\.\.)?\)(?:\s*,\s*\(\?(?:\.\.)?\))*`;

/**
 * The normalized text of a statement: as `normalizeQueryKeepNames` (literals → `?`, comments and
 * extra blanks dropped; names such as `orders_2024` stay, which plain `normalizeQuery` would turn
 * into `?`), with IN lists and VALUES rows collapsed (VALUE_LISTS).
 */
export function normalizedStatement(statement: SqlFragment): SqlFragment {
  return sql`replaceRegexpAll(normalizeQueryKeepNames(${statement}), ${VALUE_LISTS}, ${String.raw`\1(?..)`})`;
}
