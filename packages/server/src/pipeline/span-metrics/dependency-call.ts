import { SpanKind } from '../../signals/span.ts';
import type { DependencyType } from '../../signals/span-metrics.ts';
import type { SpanFacts } from './span-facts.ts';

/** What a span calls, when it is a call to a database, a messaging system or another host. */
export interface DependencyCall {
  readonly type: DependencyType;
  readonly system: string;
  readonly target: string;
  readonly operation: string;
}

/** Longest first word of a statement taken as its operation (longer: not a keyword). */
const MAX_KEYWORD_LENGTH = 32;
/** Leading blanks, parentheses and SQL comments before a statement's first keyword. */
const STATEMENT_PREFIX = /^(?:\s+|\(|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const FIRST_WORD = /^[A-Za-z]+/;

/** The first keyword of a statement, upper-cased (`select * from t` → `SELECT`); '' when it has none. */
export function statementKeyword(statement: string): string {
  const prefix = STATEMENT_PREFIX.exec(statement)?.[0].length ?? 0;
  const word = FIRST_WORD.exec(statement.slice(prefix, prefix + MAX_KEYWORD_LENGTH + 1))?.[0] ?? '';
  return word.length > MAX_KEYWORD_LENGTH ? '' : word.toUpperCase();
}

/**
 * Spans of getting a connection (`pg-pool.connect`, `pg.connect`, `mysql.connect`, pool
 * acquisitions): they carry a db system but run no statement, and would drown the real queries.
 */
function isConnectionSpan(name: string, operation: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.connect') || lower === 'connect' || lower.includes('pool') || operation.toLowerCase() === 'connect';
}

function databaseCall(name: string, facts: SpanFacts): DependencyCall | undefined {
  const statement = facts.get('dbStatement');
  const dbOperation = facts.get('dbOperation');
  if (statement === '' && (dbOperation === '' || isConnectionSpan(name, dbOperation))) return undefined;
  const operation = dbOperation || statementKeyword(statement) || name;
  return { type: 'db', system: facts.get('dbSystem'), target: facts.get('dbNamespace'), operation };
}

function messagingCall(kind: number, facts: SpanFacts): DependencyCall | undefined {
  if (kind !== SpanKind.PRODUCER && kind !== SpanKind.CONSUMER && kind !== SpanKind.CLIENT) return undefined;
  const operation = facts.get('messagingOperation') || (kind === SpanKind.PRODUCER ? 'publish' : 'receive');
  const system = facts.get('messagingSystem');
  const target = facts.get('messagingDestinationTemplate') || facts.get('messagingDestination') || defaultExchangeQueue(system, facts);
  return { type: 'messaging', system, target, operation };
}

/**
 * A message sent to RabbitMQ's default exchange (`sendToQueue`) has an empty destination, the
 * exchange; its routing key is the queue's name, which is what users look for.
 */
function defaultExchangeQueue(system: string, facts: SpanFacts): string {
  return system === 'rabbitmq' ? facts.get('messagingRabbitmqRoutingKey') : '';
}

/** `host[:port]` of an absolute URL, without user info; '' when it has none. */
export function hostOfUrl(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return '';
  const start = scheme + 3;
  let end = start;
  while (end < url.length && url[end] !== '/' && url[end] !== '?' && url[end] !== '#') end++;
  const authority = url.slice(start, end);
  return authority.slice(authority.lastIndexOf('@') + 1);
}

function externalTarget(facts: SpanFacts): string {
  const address = facts.get('serverAddress');
  if (address !== '') {
    const port = facts.get('serverPort');
    return port === '' ? address : `${address}:${port}`;
  }
  return hostOfUrl(facts.get('urlFull')) || facts.get('peerService');
}

function externalCall(name: string, facts: SpanFacts): DependencyCall | undefined {
  const httpMethod = facts.get('httpMethod');
  const rpcSystem = facts.get('rpcSystem');
  const isHttp = httpMethod !== '' || facts.get('urlFull') !== '';
  if (!isHttp && rpcSystem === '' && facts.get('serverAddress') === '' && facts.get('peerService') === '') return undefined;
  if (rpcSystem !== '') {
    const service = facts.get('rpcService');
    const method = facts.get('rpcMethod');
    const operation = service !== '' && method !== '' ? `${service}/${method}` : method;
    return { type: 'external', system: rpcSystem, target: externalTarget(facts), operation: operation || name };
  }
  return { type: 'external', system: isHttp ? 'http' : 'other', target: externalTarget(facts), operation: httpMethod || name };
}

/**
 * Classifies a span as a dependency call: a database call runs a statement or operation on a db
 * system; a messaging call is a producer/consumer/client span of a messaging system; an external
 * call is any other client span to an HTTP/RPC peer or a known address. Anything else is not one.
 */
export function dependencyCallOf(name: string, kind: number, facts: SpanFacts): DependencyCall | undefined {
  if (facts.get('dbSystem') !== '') return databaseCall(name, facts);
  if (facts.get('messagingSystem') !== '') return messagingCall(kind, facts);
  if (kind === SpanKind.CLIENT) return externalCall(name, facts);
  return undefined;
}
