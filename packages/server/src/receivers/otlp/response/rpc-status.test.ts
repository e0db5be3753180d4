import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import protobuf from 'protobufjs';
import { RETRY_INFO_TYPE_URL, encodeRpcStatus, rpcStatusJson } from './rpc-status.ts';

/** google.rpc.Status, google.protobuf.Any, RetryInfo and Duration, described to protobufjs' reflection decoder. */
const Any = new protobuf.Type('Any').add(new protobuf.Field('type_url', 1, 'string')).add(new protobuf.Field('value', 2, 'bytes'));
const Duration = new protobuf.Type('Duration').add(new protobuf.Field('seconds', 1, 'int64')).add(new protobuf.Field('nanos', 2, 'int32'));
const RetryInfo = new protobuf.Type('RetryInfo').add(new protobuf.Field('retry_delay', 1, 'Duration'));
const Status = new protobuf.Type('Status')
  .add(new protobuf.Field('code', 1, 'int32'))
  .add(new protobuf.Field('message', 2, 'string'))
  .add(new protobuf.Field('details', 3, 'Any', 'repeated'));
new protobuf.Root().add(Any).add(Duration).add(RetryInfo).add(Status);

interface DecodedStatus {
  code: number;
  message: string;
  details: { type_url: string; value: Uint8Array }[];
}

function decodeStatus(bytes: Uint8Array): DecodedStatus {
  return Status.toObject(Status.decode(bytes), { defaults: true, longs: Number }) as DecodedStatus;
}

describe('google.rpc.Status encoding', () => {
  it('encodes code and message without details when there is no retry hint', () => {
    const status = decodeStatus(encodeRpcStatus({ code: 3, message: 'invalid OTLP protobuf: truncated input' }));
    assert.deepStrictEqual(status, { code: 3, message: 'invalid OTLP protobuf: truncated input', details: [] });
  });

  it('adds a RetryInfo detail with the delay as a Duration', () => {
    const status = decodeStatus(encodeRpcStatus({ code: 8, message: 'overloaded', retryAfterSeconds: 2.5 }));
    assert.equal(status.code, 8);
    assert.equal(status.details.length, 1);
    assert.equal(status.details[0]!.type_url, RETRY_INFO_TYPE_URL);
    const retry = RetryInfo.toObject(RetryInfo.decode(status.details[0]!.value), { longs: Number, defaults: true });
    assert.deepStrictEqual(retry, { retry_delay: { seconds: 2, nanos: 500_000_000 } });
  });

  it('ignores an undefined retry hint passed explicitly', () => {
    assert.deepStrictEqual(decodeStatus(encodeRpcStatus({ code: 14, message: 'down', retryAfterSeconds: undefined })).details, []);
  });

  it('renders the protobuf JSON mapping, with Any as "@type" and Duration as a string', () => {
    assert.deepStrictEqual(JSON.parse(rpcStatusJson({ code: 8, message: 'overloaded', retryAfterSeconds: 5 })), {
      code: 8,
      message: 'overloaded',
      details: [{ '@type': RETRY_INFO_TYPE_URL, retryDelay: '5s' }],
    });
    assert.equal(JSON.parse(rpcStatusJson({ code: 8, message: 'x', retryAfterSeconds: 0.25 })).details[0].retryDelay, '0.25s');
    assert.deepStrictEqual(JSON.parse(rpcStatusJson({ code: 3, message: 'bad' })), { code: 3, message: 'bad' });
  });
});
