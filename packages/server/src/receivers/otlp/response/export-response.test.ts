import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  JsonLogsSerializer, JsonMetricsSerializer, JsonTraceSerializer, ProtobufLogsSerializer, ProtobufMetricsSerializer, ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { encodeExportResponse, exportResponseJson } from './export-response.ts';

describe('OTLP export responses, read back by the OpenTelemetry JS exporters', () => {
  it('partial success in protobuf carries the rejected count and message of each signal', () => {
    assert.deepStrictEqual(
      ProtobufTraceSerializer.deserializeResponse(encodeExportResponse('traces', 2, '2 spans rejected: invalid trace_id length 15 (span "GET /x")')),
      { partialSuccess: { rejectedSpans: 2, errorMessage: '2 spans rejected: invalid trace_id length 15 (span "GET /x")' } },
    );
    assert.deepStrictEqual(ProtobufLogsSerializer.deserializeResponse(encodeExportResponse('logs', 1, 'bad')), {
      partialSuccess: { rejectedLogRecords: 1, errorMessage: 'bad' },
    });
    assert.deepStrictEqual(ProtobufMetricsSerializer.deserializeResponse(encodeExportResponse('metrics', 300_000, 'no name')), {
      partialSuccess: { rejectedDataPoints: 300_000, errorMessage: 'no name' },
    });
  });

  it('full success is an empty message in protobuf and {} in JSON', () => {
    assert.equal(encodeExportResponse('traces', 0, '').length, 0);
    assert.deepStrictEqual(ProtobufTraceSerializer.deserializeResponse(encodeExportResponse('traces', 0, '')), {});
    assert.equal(exportResponseJson('logs', 0, ''), '{}');
  });

  it('a warning without rejections still travels as partial_success', () => {
    assert.deepStrictEqual(ProtobufTraceSerializer.deserializeResponse(encodeExportResponse('traces', 0, 'slow down')), {
      partialSuccess: { errorMessage: 'slow down' },
    });
    assert.equal(exportResponseJson('traces', 0, 'slow down'), '{"partialSuccess":{"errorMessage":"slow down"}}');
  });

  it('JSON uses the spec names with int64 as a decimal string', () => {
    assert.equal(exportResponseJson('traces', 2, 'why'), '{"partialSuccess":{"rejectedSpans":"2","errorMessage":"why"}}');
    const text = (json: string): Uint8Array => new TextEncoder().encode(json);
    assert.deepStrictEqual(JsonTraceSerializer.deserializeResponse(text(exportResponseJson('traces', 2, 'why'))), {
      partialSuccess: { rejectedSpans: '2', errorMessage: 'why' },
    });
    assert.deepStrictEqual(JsonLogsSerializer.deserializeResponse(text(exportResponseJson('logs', 3, 'x'))), {
      partialSuccess: { rejectedLogRecords: '3', errorMessage: 'x' },
    });
    assert.deepStrictEqual(JsonMetricsSerializer.deserializeResponse(text(exportResponseJson('metrics', 4, 'y'))), {
      partialSuccess: { rejectedDataPoints: '4', errorMessage: 'y' },
    });
  });
});
