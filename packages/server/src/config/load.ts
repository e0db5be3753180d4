import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { AppError, ErrorCodes } from '../errors.ts';
import { configSchema, type Config } from './schema.ts';

type Tree = { [key: string]: unknown };

const DEFAULTS = configSchema.parse({}) as unknown as Tree;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snake(segment: string): string {
  return segment.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Every leaf path of the configuration, e.g. ['otlp', 'grpc', 'port']. */
function leafPaths(tree: Tree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([key, value]) => (isTree(value) ? leafPaths(value, [...prefix, key]) : [[...prefix, key]]));
}

export function envName(path: readonly string[]): string {
  return `SIGHTLINE_${path.map(snake).join('_')}`;
}

function defaultAt(path: readonly string[]): unknown {
  let node: unknown = DEFAULTS;
  for (const key of path) node = isTree(node) ? node[key] : undefined;
  return node;
}

/** Text from env or flags, shaped like the default at that path (booleans, lists); numbers are coerced by the schema. */
function fromText(path: readonly string[], text: string): unknown {
  const fallback = defaultAt(path);
  if (typeof fallback === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(text)) return true;
    if (/^(false|0|no|off)$/i.test(text)) return false;
    return text;
  }
  if (Array.isArray(fallback)) return text.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
  return text;
}

function setAt(tree: Tree, path: readonly string[], value: unknown): void {
  let node = tree;
  path.slice(0, -1).forEach((key) => {
    if (!isTree(node[key])) node[key] = {};
    node = node[key] as Tree;
  });
  node[path[path.length - 1] as string] = value;
}

function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isTree(value) && isTree(current) ? merge(current, value) : value;
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export interface ConfigSources {
  /** YAML file path (optional). */
  readonly file?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Dotted paths to text values from the command line, e.g. { 'otlp.grpc.port': '4317' }. */
  readonly flags?: Readonly<Record<string, string>>;
}

function readFile(file: string): Tree {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `cannot read config file ${file}: ${(error as Error).message}`);
  }
  const parsed: unknown = parseYaml(text);
  if (parsed === null || parsed === undefined) return {};
  if (!isTree(parsed)) throw new AppError(ErrorCodes.CONFIG_INVALID, `config file ${file} must hold a mapping at the top level`);
  return parsed;
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

/** Merges file < env < flags, validates once (reporting every problem by path) and freezes. */
export function loadConfig(sources: ConfigSources = {}): Config {
  let tree: Tree = sources.file === undefined ? {} : readFile(sources.file);
  const env = sources.env ?? {};
  const fromEnv: Tree = {};
  for (const path of leafPaths(DEFAULTS)) {
    const text = env[envName(path)];
    if (text !== undefined) setAt(fromEnv, path, fromText(path, text));
  }
  const fromFlags: Tree = {};
  for (const [dotted, text] of Object.entries(sources.flags ?? {})) {
    const path = dotted.split('.');
    setAt(fromFlags, path, fromText(path, text));
  }
  tree = merge(merge(tree, fromEnv), fromFlags);
  const result = configSchema.safeParse(tree);
  if (!result.success) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `invalid configuration:\n${formatIssues(result.error.issues)}`);
  }
  return deepFreeze(result.data);
}
