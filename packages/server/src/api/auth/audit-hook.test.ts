import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditActionOf } from './audit-hook.ts';

describe('generic audit action names', () => {
  it('name a change by its route without parameters and its method', () => {
    assert.equal(auditActionOf('PUT', '/api/v1/alerts/rules/:id'), 'alerts.rules.put');
    assert.equal(auditActionOf('POST', '/api/v1/dashboards/:id/clone'), 'dashboards.clone.post');
    assert.equal(auditActionOf('DELETE', '/api/v1/prometheus/targets/:id'), 'prometheus.targets.delete');
    assert.equal(auditActionOf('PUT', '/api/v1/admin/retention'), 'admin.retention.put');
  });
});
