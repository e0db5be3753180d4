/** The trace view's header facts, derived from the spans and the tree. Pure. */

import { mainRoot } from './critical-path.ts';
import type { SpanTree } from './span-tree.ts';

export interface SummarySpan {
  readonly serviceName: string;
  readonly name: string;
  readonly status: { readonly code: number };
}

export interface TraceSummaryFacts {
  /** The main root span's index, if any span is a root. */
  readonly rootIndex: number | undefined;
  readonly rootServiceName: string;
  readonly rootName: string;
  /** Services in the order they first appear in the tree. */
  readonly services: readonly string[];
  readonly errorCount: number;
  /** Spans whose parent is not in the trace (missing or not yet arrived). */
  readonly orphanCount: number;
  readonly durationNs: number;
}

export function summarizeTrace(spans: readonly SummarySpan[], tree: SpanTree): TraceSummaryFacts {
  const rootIndex = mainRoot(tree);
  const root = rootIndex === undefined ? undefined : spans[rootIndex];
  const services = new Set<string>();
  for (const index of tree.order) {
    const span = spans[index];
    if (span !== undefined) services.add(span.serviceName);
  }
  return {
    rootIndex,
    rootServiceName: root?.serviceName ?? '',
    rootName: root?.name ?? '',
    services: [...services],
    errorCount: spans.reduce((n, s) => n + (s.status.code === 2 ? 1 : 0), 0),
    orphanCount: tree.nodes.reduce((n, node) => n + (node.orphan ? 1 : 0), 0),
    durationNs: tree.durationNs,
  };
}
