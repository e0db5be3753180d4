import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRoute } from '../router/routes.ts';
import { readTraceFilters } from '../traces/trace-filters.ts';
import { apmPath, serviceHref, traceHref, tracesHref } from './apm-links.ts';

const current = new URLSearchParams('range=15m&refresh=30s&env=prod&tab=db&sort=p99');

describe('APM links', () => {
  it('keep the time range and environment between APM pages, nothing else', () => {
    assert.equal(apmPath('/service-map', current), '/service-map?range=15m&refresh=30s&env=prod');
    assert.equal(apmPath('/exceptions', new URLSearchParams('range=1h'), { service: 'orders' }), '/exceptions?range=1h&service=orders');
  });

  it('link to a service page that the router reads back', () => {
    const href = serviceHref('orders api/v2', current, { tab: 'errors' });
    assert.equal(href, '/services/orders%20api%2Fv2?range=15m&refresh=30s&env=prod&tab=errors');
    assert.deepEqual(matchRoute(href.split('?')[0]!), { name: 'service', service: 'orders api/v2' });
  });

  it('open the traces explorer filtered the way it reads its own URL', () => {
    const href = tracesHref(current, { service: 'orders', operation: 'GET /orders/:id' });
    const [path, query = ''] = href.split('?');
    assert.equal(path, '/traces');
    const params = new URLSearchParams(query);
    assert.equal(params.get('range'), '15m');
    assert.equal(params.get('env'), null);
    const filters = readTraceFilters(params);
    assert.equal(filters.service, 'orders');
    assert.equal(filters.operation, 'GET /orders/:id');
    assert.equal(readTraceFilters(new URLSearchParams(tracesHref(current, { service: 'x', status: 'error' }).split('?')[1])).status, 'error');
  });

  it('open a trace with an optional span', () => {
    assert.equal(traceHref('ab12', current), '/traces/ab12?range=15m&refresh=30s');
    assert.equal(traceHref('ab12', current, 'cd34'), '/traces/ab12?range=15m&refresh=30s&span=cd34');
  });
});
