import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exceptionGroupId, stackLines } from './stack-lines.ts';

describe('stackLines', () => {
  it('tells own frames from library frames in a Node.js stack', () => {
    const stack = [
      'Error: card declined',
      '    at charge (/app/src/payments.js:42:11)',
      '    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '',
    ].join('\r\n');
    assert.deepEqual(
      stackLines(stack).map((l) => l.kind),
      ['text', 'frame', 'library', 'library'],
    );
  });

  it('reads Java causes and Python frames', () => {
    assert.deepEqual(
      stackLines(
        'java.lang.IllegalStateException: boom\n\tat com.shop.Orders.place(Orders.java:10)\n\tat java.base/java.lang.Thread.run(Thread.java:833)\nCaused by: java.io.IOException\n\t... 3 more',
      ).map((l) => l.kind),
      ['text', 'frame', 'library', 'cause', 'library'],
    );
    assert.deepEqual(
      stackLines(
        'Traceback (most recent call last):\n  File "/app/orders.py", line 3, in place\n  File "/usr/lib/python3.11/site-packages/x.py", line 9, in y\nValueError: bad',
      ).map((l) => l.kind),
      ['text', 'frame', 'library', 'text'],
    );
  });

  it('keeps the text of every line', () => {
    assert.deepEqual(
      stackLines('a\n  b').map((l) => l.text),
      ['a', '  b'],
    );
    assert.deepEqual(stackLines(''), [{ text: '', kind: 'text' }]);
  });
});

describe('exceptionGroupId', () => {
  it('is short, stable and tells groups apart', () => {
    const a = exceptionGroupId({ service: 'orders', type: 'Error', messagePattern: 'card ? declined' });
    assert.equal(a, exceptionGroupId({ service: 'orders', type: 'Error', messagePattern: 'card ? declined' }));
    assert.notEqual(a, exceptionGroupId({ service: 'orders', type: 'TypeError', messagePattern: 'card ? declined' }));
    assert.match(a, /^[0-9a-z]{1,7}$/);
  });
});
