import type { Attributes } from '../../signals/any-value.ts';

/**
 * The span attributes the APM aggregates read, each under its current semantic-convention key and
 * the older keys instrumentations still send (current first).
 */
const FACT_KEYS = {
  httpMethod: ['http.request.method', 'http.method'],
  httpRoute: ['http.route'],
  httpStatusCode: ['http.response.status_code', 'http.status_code'],
  urlFull: ['url.full', 'http.url'],
  urlPath: ['url.path', 'http.target'],
  dbSystem: ['db.system.name', 'db.system'],
  dbNamespace: ['db.namespace', 'db.name'],
  dbOperation: ['db.operation.name', 'db.operation'],
  dbStatement: ['db.query.text', 'db.statement'],
  messagingSystem: ['messaging.system'],
  messagingDestination: ['messaging.destination.name', 'messaging.destination'],
  /** The low-cardinality form of the destination (e.g. `/customers/{customerId}`), when sent. */
  messagingDestinationTemplate: ['messaging.destination.template'],
  messagingOperation: ['messaging.operation.type', 'messaging.operation'],
  /** RabbitMQ names the exchange as destination ('' for the default exchange); the routing key then names the queue. */
  messagingRabbitmqRoutingKey: ['messaging.rabbitmq.destination.routing_key', 'messaging.rabbitmq.routing_key'],
  serverAddress: ['server.address', 'net.peer.name'],
  serverPort: ['server.port', 'net.peer.port'],
  peerService: ['peer.service'],
  rpcSystem: ['rpc.system.name', 'rpc.system'],
  rpcService: ['rpc.service'],
  rpcMethod: ['rpc.method'],
} as const satisfies Record<string, readonly string[]>;

export type SpanFact = keyof typeof FACT_KEYS;

const FACTS = Object.keys(FACT_KEYS) as SpanFact[];
const INDEX_OF_FACT = Object.fromEntries(FACTS.map((fact, index) => [fact, index])) as Record<SpanFact, number>;

/** Attribute key → index of its fact; the bitwise complement (negative) for an older key, which yields to the current one. */
const SLOT_OF_KEY = new Map<string, number>(
  FACTS.flatMap((fact, index) => FACT_KEYS[fact].map((key, rank): [string, number] => [key, rank === 0 ? index : ~index])),
);

/**
 * The facts of one span; '' for a fact the span does not carry, numbers (ports, status codes) as
 * text. Kept in an array and reused across spans: this runs for every span ingested.
 */
export class SpanFacts {
  private readonly values = new Array<string>(FACTS.length).fill('');

  /** Facts given directly (tests, callers without attributes). */
  static of(values: Partial<Record<SpanFact, string>>): SpanFacts {
    const facts = new SpanFacts();
    for (const fact of FACTS) facts.values[INDEX_OF_FACT[fact]] = values[fact] ?? '';
    return facts;
  }

  get(fact: SpanFact): string {
    return this.values[INDEX_OF_FACT[fact]] ?? '';
  }

  /** Replaces the facts by those of `attributes`, in one pass. */
  read(attributes: Attributes): this {
    const values = this.values;
    values.fill('');
    for (const { key, value } of attributes) {
      const slot = SLOT_OF_KEY.get(key);
      if (slot === undefined) continue;
      let text: string;
      if (value.kind === 'string') text = value.value;
      else if (value.kind === 'int') text = value.value.toString();
      else continue;
      if (slot >= 0) values[slot] = text;
      else if (values[~slot] === '') values[~slot] = text;
    }
    return this;
  }

  /** Every fact, for inspection. */
  toRecord(): Record<SpanFact, string> {
    return Object.fromEntries(FACTS.map((fact) => [fact, this.get(fact)])) as Record<SpanFact, string>;
  }
}

export function readSpanFacts(attributes: Attributes, into = new SpanFacts()): SpanFacts {
  return into.read(attributes);
}

/** The deployment environment of a resource (`deployment.environment.name`, or the older key); '' if none. */
export function environmentOf(resourceAttributes: Attributes): string {
  let legacy = '';
  for (const { key, value } of resourceAttributes) {
    if (value.kind !== 'string') continue;
    if (key === 'deployment.environment.name') return value.value;
    if (key === 'deployment.environment') legacy = value.value;
  }
  return legacy;
}

/** What OTel SDKs report when the application sets no `service.name` (they append `:<process>`). */
export const UNKNOWN_SERVICE = 'unknown_service';

export function serviceNameOf(resourceAttributes: Attributes): string {
  for (const { key, value } of resourceAttributes) {
    if (key === 'service.name' && value.kind === 'string' && value.value !== '') return value.value;
  }
  return UNKNOWN_SERVICE;
}
