import { AppError, ErrorCodes } from '../../errors.ts';

/**
 * A panel formula: arithmetic over query ids (`+ - * /`, parentheses, unary minus, decimal numbers),
 * parsed by recursive descent into a tree and evaluated per step. Nothing is ever executed as code.
 */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ref'; readonly id: string }
  | { readonly kind: 'negate'; readonly operand: FormulaNode }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: FormulaNode; readonly right: FormulaNode };

type Token = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'ident'; readonly id: string } | { readonly kind: 'op'; readonly op: string };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([a-z][a-z0-9_]*)|([-+*/()]))/y;
/** Deepest nesting accepted (parentheses and unary minus), far above any real formula. */
const MAX_DEPTH = 64;

function invalid(message: string): AppError {
  return new AppError(ErrorCodes.QUERY_INVALID, `formula: ${message}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    if (/^\s*$/.test(text.slice(at))) break;
    const match = TOKEN.exec(text);
    if (match === null) throw invalid(`unexpected character ${JSON.stringify(text.slice(at).trim().charAt(0))} at ${at + 1}`);
    const [, number, ident, op] = match;
    if (number !== undefined) tokens.push({ kind: 'number', value: Number(number) });
    else if (ident !== undefined) tokens.push({ kind: 'ident', id: ident });
    else tokens.push({ kind: 'op', op: op ?? '' });
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FormulaNode {
    if (this.tokens.length === 0) throw invalid('is empty');
    const node = this.sum(0);
    const rest = this.tokens[this.position];
    if (rest !== undefined) throw invalid(`unexpected ${describe(rest)}`);
    return node;
  }

  private peekOp(): string | undefined {
    const token = this.tokens[this.position];
    return token?.kind === 'op' ? token.op : undefined;
  }

  private sum(depth: number): FormulaNode {
    let node = this.product(depth);
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.position += 1;
      node = { kind: 'binary', op, left: node, right: this.product(depth) };
    }
    return node;
  }

  private product(depth: number): FormulaNode {
    let node = this.unary(depth);
    for (let op = this.peekOp(); op === '*' || op === '/'; op = this.peekOp()) {
      this.position += 1;
      node = { kind: 'binary', op, left: node, right: this.unary(depth) };
    }
    return node;
  }

  private unary(depth: number): FormulaNode {
    if (depth > MAX_DEPTH) throw invalid('is nested too deeply');
    const op = this.peekOp();
    if (op === '-' || op === '+') {
      this.position += 1;
      const operand = this.unary(depth + 1);
      return op === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.primary(depth);
  }

  private primary(depth: number): FormulaNode {
    const token = this.tokens[this.position];
    if (token === undefined) throw invalid('ends early');
    this.position += 1;
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'ident') return { kind: 'ref', id: token.id };
    if (token.op !== '(') throw invalid(`unexpected ${describe(token)}`);
    const inner = this.sum(depth + 1);
    if (this.peekOp() !== ')') throw invalid('a parenthesis is not closed');
    this.position += 1;
    return inner;
  }
}

function describe(token: Token): string {
  if (token.kind === 'number') return `number ${token.value}`;
  if (token.kind === 'ident') return `name ${token.id}`;
  return `"${token.op}"`;
}

/** The formula's tree; QUERY_INVALID (`formula: …`) when it is not well formed. */
export function parseFormula(text: string): FormulaNode {
  return new Parser(tokenize(text)).parse();
}

/** The query ids a formula reads, each once, in order of appearance. */
export function formulaRefs(node: FormulaNode): string[] {
  const ids = new Set<string>();
  const visit = (current: FormulaNode): void => {
    if (current.kind === 'ref') ids.add(current.id);
    else if (current.kind === 'negate') visit(current.operand);
    else if (current.kind === 'binary') {
      visit(current.left);
      visit(current.right);
    }
  };
  visit(node);
  return [...ids];
}

/**
 * The formula's value given each query's value at one step; undefined when a query has no value
 * there, on division by zero, or when the result is not finite (the step then has no point).
 */
export function evaluateFormula(node: FormulaNode, valueOf: (id: string) => number | undefined): number | undefined {
  const result = evaluate(node, valueOf);
  return result !== undefined && Number.isFinite(result) ? result : undefined;
}

function evaluate(node: FormulaNode, valueOf: (id: string) => number | undefined): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'ref':
      return valueOf(node.id);
    case 'negate': {
      const value = evaluate(node.operand, valueOf);
      return value === undefined ? undefined : -value;
    }
    case 'binary': {
      const left = evaluate(node.left, valueOf);
      if (left === undefined) return undefined;
      const right = evaluate(node.right, valueOf);
      if (right === undefined) return undefined;
      if (node.op === '+') return left + right;
      if (node.op === '-') return left - right;
      if (node.op === '*') return left * right;
      return right === 0 ? undefined : left / right;
    }
  }
}
