import { WireReader } from '../../otlp/decode/wire-reader.ts';
import { readNativeHistogram } from './decode-native-histogram.ts';
import { asRemoteWriteError, fields, utf8 } from './protobuf-fields.ts';
import type {
  PromExemplar,
  PromLabel,
  PromMetricMetadata,
  PromNativeHistogram,
  PromSample,
  PromTimeSeries,
  PromWriteRequest,
} from './write-request.ts';

/*
 * Decodes prometheus.WriteRequest with the OTLP receiver's wire reader rather than protobufjs: it
 * bounds-checks every read, needs no schema loading or generated code, and leaves the raw bytes
 * reachable, which the staleness check needs (it compares a NaN's payload bits).
 */

// timeseries=1, metadata=3; field 2 is reserved (Cortex sends its Source enum there) and skipped.
const WRITE_REQUEST_FIELDS = fields(1, 3);
const TIME_SERIES_FIELDS = fields(1, 2, 3, 4); // labels=1, samples=2, exemplars=3, histograms=4
const LABEL_FIELDS = fields(1, 2); // name=1, value=2
const SAMPLE_FIELDS = fields(1, 2); // value=1 (double), timestamp=2 (int64 ms)
const EXEMPLAR_FIELDS = fields(1, 2, 3); // labels=1, value=2, timestamp=3
const METADATA_FIELDS = fields(1, 2, 4, 5); // type=1, metric_family_name=2, help=4, unit=5

/** Prometheus' staleness marker: a NaN with this exact bit pattern (model/value.StaleNaN). */
const STALE_NAN_BITS = 0x7ff0000000000002n;

class RequestDecoder {
  private readonly r: WireReader;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.r = new WireReader(bytes);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  request(): PromWriteRequest {
    const r = this.r;
    const timeseries: PromTimeSeries[] = [];
    const metadata: PromMetricMetadata[] = [];
    while (r.pos < r.limit) {
      const tag = r.tag();
      if (tag === 0x0a) timeseries.push(this.timeSeries());
      else if (tag === 0x1a) metadata.push(this.metadata());
      else r.skipUnknown(tag, WRITE_REQUEST_FIELDS, 'WriteRequest');
    }
    return { timeseries, metadata };
  }

  private timeSeries(): PromTimeSeries {
    const r = this.r;
    const outer = r.enter();
    const labels: PromLabel[] = [];
    const samples: PromSample[] = [];
    const exemplars: PromExemplar[] = [];
    const histograms: PromNativeHistogram[] = [];
    while (r.pos < r.limit) {
      const tag = r.tag();
      switch (tag) {
        case 0x0a: labels.push(this.label()); break;
        case 0x12: samples.push(this.sample()); break;
        case 0x1a: exemplars.push(this.exemplar()); break;
        case 0x22: histograms.push(readNativeHistogram(r)); break;
        default: r.skipUnknown(tag, TIME_SERIES_FIELDS, 'TimeSeries');
      }
    }
    r.leave(outer);
    return { labels, samples, exemplars, histograms };
  }

  private label(): PromLabel {
    const r = this.r;
    const outer = r.enter();
    let name = '';
    let value = '';
    while (r.pos < r.limit) {
      const tag = r.tag();
      if (tag === 0x0a) name = utf8(r, 'a label name');
      else if (tag === 0x12) value = utf8(r, 'a label value');
      else r.skipUnknown(tag, LABEL_FIELDS, 'Label');
    }
    r.leave(outer);
    return { name, value };
  }

  private sample(): PromSample {
    const r = this.r;
    const outer = r.enter();
    let value = 0;
    let stale = false;
    let timestampMs = 0n;
    while (r.pos < r.limit) {
      const tag = r.tag();
      if (tag === 0x09) {
        value = r.double();
        // JS engines may not keep a NaN's payload, so the marker is recognised from the bytes.
        stale = Number.isNaN(value) && this.view.getBigUint64(r.pos - 8, true) === STALE_NAN_BITS;
      } else if (tag === 0x10) timestampMs = r.int64();
      else r.skipUnknown(tag, SAMPLE_FIELDS, 'Sample');
    }
    r.leave(outer);
    return { value, timestampMs, stale };
  }

  private exemplar(): PromExemplar {
    const r = this.r;
    const outer = r.enter();
    const labels: PromLabel[] = [];
    let value = 0;
    let timestampMs = 0n;
    while (r.pos < r.limit) {
      const tag = r.tag();
      if (tag === 0x0a) labels.push(this.label());
      else if (tag === 0x11) value = r.double();
      else if (tag === 0x18) timestampMs = r.int64();
      else r.skipUnknown(tag, EXEMPLAR_FIELDS, 'Exemplar');
    }
    r.leave(outer);
    return { labels, value, timestampMs };
  }

  private metadata(): PromMetricMetadata {
    const r = this.r;
    const outer = r.enter();
    let type = 0;
    let familyName = '';
    let help = '';
    let unit = '';
    while (r.pos < r.limit) {
      const tag = r.tag();
      switch (tag) {
        case 0x08: type = r.int32(); break;
        case 0x12: familyName = utf8(r, 'a metric family name'); break;
        case 0x22: help = utf8(r, 'a metric help text'); break;
        case 0x2a: unit = utf8(r, 'a metric unit'); break;
        default: r.skipUnknown(tag, METADATA_FIELDS, 'MetricMetadata');
      }
    }
    r.leave(outer);
    return { type, familyName, help, unit };
  }
}

/** Decodes an uncompressed remote write 1.0 body; throws AppError REMOTE_WRITE_INVALID when malformed. */
export function decodeWriteRequest(bytes: Uint8Array): PromWriteRequest {
  try {
    return new RequestDecoder(bytes).request();
  } catch (error) {
    throw asRemoteWriteError(error);
  }
}
