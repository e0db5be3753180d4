import protobuf from 'protobufjs';

/*
 * Test-only: encodes remote-write messages with protobufjs from a schema written here from
 * prompb/remote.proto and prompb/types.proto, independently of the receiver's decoder.
 */
const SCHEMA = `
syntax = "proto3";
package prometheus;
message WriteRequest { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
message MetricMetadata { int32 type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }
message Sample { double value = 1; int64 timestamp = 2; }
message Exemplar { repeated Label labels = 1; double value = 2; int64 timestamp = 3; }
message BucketSpan { sint32 offset = 1; uint32 length = 2; }
message Histogram {
  oneof count { uint64 count_int = 1; double count_float = 2; }
  double sum = 3;
  sint32 schema = 4;
  double zero_threshold = 5;
  oneof zero_count { uint64 zero_count_int = 6; double zero_count_float = 7; }
  repeated BucketSpan negative_spans = 8;
  repeated sint64 negative_deltas = 9;
  repeated double negative_counts = 10;
  repeated BucketSpan positive_spans = 11;
  repeated sint64 positive_deltas = 12;
  repeated double positive_counts = 13;
  int32 reset_hint = 14;
  int64 timestamp = 15;
  repeated double custom_values = 16;
}
message TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; repeated Exemplar exemplars = 3; repeated Histogram histograms = 4; }
message Label { string name = 1; string value = 2; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
const WriteRequest = root.lookupType('prometheus.WriteRequest');

export interface FixtureSeries {
  labels: Record<string, string>;
  samples?: { value: number; timestamp: number }[];
  exemplars?: { labels: Record<string, string>; value: number; timestamp: number }[];
  histograms?: Record<string, unknown>[];
}

export interface FixtureRequest {
  timeseries?: FixtureSeries[];
  metadata?: { type: number; metric_family_name: string; help?: string; unit?: string }[];
}

const pairs = (labels: Record<string, string>) => Object.entries(labels).map(([name, value]) => ({ name, value }));

/** The uncompressed protobuf bytes of a WriteRequest. */
export function encodeWriteRequest(request: FixtureRequest): Uint8Array {
  const message = WriteRequest.fromObject({
    timeseries: (request.timeseries ?? []).map((series) => ({
      labels: pairs(series.labels),
      samples: series.samples ?? [],
      exemplars: (series.exemplars ?? []).map((exemplar) => ({ ...exemplar, labels: pairs(exemplar.labels) })),
      histograms: series.histograms ?? [],
    })),
    metadata: request.metadata ?? [],
  });
  return WriteRequest.encode(message).finish();
}

/** Prometheus' staleness marker as a sample value (the NaN payload survives only in the bytes). */
export function withStaleMarker(bytes: Uint8Array, placeholder: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 8 <= out.byteLength; i += 1) {
    if (view.getFloat64(i, true) === placeholder) {
      view.setBigUint64(i, 0x7ff0000000000002n, true);
      return out;
    }
  }
  throw new Error('placeholder value not found');
}
