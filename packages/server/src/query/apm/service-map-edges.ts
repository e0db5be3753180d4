import { sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import type { MinuteRange } from './apm-range.ts';
import { parseLatencyMap } from './latency-map.ts';
import { spanEnvironmentIs, timestampIn } from './raw-span-filters.ts';
import type { ServiceCall } from './service-map-assemble.ts';
import { latencyMapOfDurations } from './span-latency-sql.ts';

/** A server span may start a little after its client span's window ends (network, queueing). */
const CHILD_SLACK_SECONDS = 60;
/** Host names kept per service pair (they only serve to match external calls to services). */
const MAX_HOSTS = 32;

/** The port as text, sent as an int or a string under the current or the older key; '' when absent. */
const SERVER_PORT = sql`multiIf(mapContains(attributes_int, 'server.port'), toString(attributes_int['server.port']),
  mapContains(attributes_string, 'server.port'), attributes_string['server.port'],
  mapContains(attributes_int, 'net.peer.port'), toString(attributes_int['net.peer.port']), attributes_string['net.peer.port'])`;

/** `host[:port]` of `url.full` (or the older `http.url`), without user info. */
const URL_HOST = sql`extract(if(mapContains(attributes_string, 'url.full'), attributes_string['url.full'], attributes_string['http.url']), '://(?:[^/?#]*@)?([^/?#]*)')`;

interface ServiceCallRow {
  readonly caller: string;
  readonly callee: string;
  readonly calls_text: string;
  readonly errors_text: string;
  readonly latency: Readonly<Record<string, string>>;
  readonly hosts: readonly string[];
}

/**
 * Client and producer spans of the window. Producers with a messaging system are left out: their
 * messages are drawn through the messaging node (producer → destination → consumer).
 */
function callerSpans(window: MinuteRange, environment: string | undefined): SqlFragment {
  return sql`SELECT trace_id, span_id, service_name, status_code, duration_ns, peer_service, server_address, ${SERVER_PORT} AS server_port, ${URL_HOST} AS url_host
    FROM spans
    WHERE ${timestampIn(window)} AND kind IN (3, 4) AND messaging_system = '' AND ${spanEnvironmentIs(environment)}`;
}

/** Server and consumer spans that may be children of the window's client spans: only the join keys and the service. */
function calleeSpans(window: MinuteRange, environment: string | undefined): SqlFragment {
  const extended = { startS: window.startS, endS: window.endS + CHILD_SLACK_SECONDS };
  return sql`SELECT trace_id, parent_span_id, service_name
    FROM spans
    WHERE ${timestampIn(extended)} AND kind IN (2, 5) AND ${spanEnvironmentIs(environment)}`;
}

/**
 * Service → service calls, found at query time: each client/producer span of the window joined with
 * the server/consumer span whose parent it is (same trace) in another service. Only the window's
 * spans are read, the callee side holds just the join keys (it is the hash table), and ANY keeps a
 * span stored twice from counting twice. Bounded by the read guardrails.
 */
export async function serviceCalls(store: Store, limits: ReadLimits, window: MinuteRange, environment: string | undefined): Promise<ServiceCall[]> {
  const rows = await store.query<ServiceCallRow>(
    sql`SELECT caller, callee, toString(count()) AS calls_text, toString(countIf(client_status = 2)) AS errors_text,
          ${latencyMapOfDurations(sql`client_duration`)} AS latency, groupUniqArrayArray(${MAX_HOSTS})(client_hosts) AS hosts
        FROM (
          SELECT client.service_name AS caller, server.service_name AS callee, client.status_code AS client_status,
            client.duration_ns AS client_duration,
            arrayFilter(host -> host != '', [client.peer_service, client.server_address, client.url_host,
              if(client.server_address != '' AND client.server_port != '', concat(client.server_address, ':', client.server_port), '')]) AS client_hosts
          FROM (${callerSpans(window, environment)}) AS client
          ANY INNER JOIN (${calleeSpans(window, environment)}) AS server
            ON client.trace_id = server.trace_id AND client.span_id = server.parent_span_id
          WHERE client.service_name != server.service_name
        )
        GROUP BY caller, callee
        ORDER BY count() DESC, caller, callee
        LIMIT ${limits.maxResultRows}`,
    storeLimits(limits),
  );
  return rows.map((row) => ({
    caller: row.caller,
    callee: row.callee,
    calls: Number(row.calls_text),
    errors: Number(row.errors_text),
    latency: parseLatencyMap(row.latency),
    hosts: [...row.hosts].sort(),
  }));
}
