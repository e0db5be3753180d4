import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCodes, isAppError } from '../../../errors.ts';
import { render } from '../../../storage/sql.ts';
import { logGroupExpression } from './logs-series.ts';

describe('logGroupExpression', () => {
  it('passes attribute keys as parameters, never as SQL text', () => {
    const key = `it's a "key"\\\n) OR 1=1 --`;
    for (const entry of [key, `resource.${key}`]) {
      const { text, params } = render(logGroupExpression(entry));
      assert.ok(!text.includes(key) && !text.includes('OR 1=1'), text);
      assert.ok(Object.values(params).includes(key));
    }
  });

  it('maps service and severity to columns, resource. to the resource maps', () => {
    assert.equal(render(logGroupExpression('service')).text, 'service_name');
    assert.match(render(logGroupExpression('severity')).text, /severity_text/);
    assert.match(render(logGroupExpression('resource.host.name')).text, /resource_string/);
    assert.match(render(logGroupExpression('http.route')).text, /attributes_string/);
  });

  it('rejects a resource prefix without a key', () => {
    assert.throws(() => logGroupExpression('resource.'), (error: unknown) => isAppError(error) && error.code === ErrorCodes.QUERY_INVALID);
  });
});
