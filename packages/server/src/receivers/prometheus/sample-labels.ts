import type { ExpositionSample, Labels, MetricFamily } from './exposition-types.ts';
import { relabel, type RelabelRule } from './relabel.ts';

/**
 * The target's labels on a scraped sample. `honor_labels: false`: the target's win and a scraped
 * label of the same name is kept as `exported_<name>`; `true`: the scraped ones win.
 */
export function mergeTargetLabels(scraped: Labels, target: Labels, honorLabels: boolean): Map<string, string> {
  const merged = new Map(scraped);
  for (const [name, value] of target) {
    const existing = merged.get(name);
    if (honorLabels) {
      if (existing === undefined || existing === '') merged.set(name, value);
      continue;
    }
    if (existing !== undefined) {
      let exported = `exported_${name}`;
      while (merged.has(exported)) exported = `exported_${exported}`;
      merged.set(exported, existing);
    }
    merged.set(name, value);
  }
  return merged;
}

export interface LabeledFamilies {
  readonly families: MetricFamily[];
  /** Samples left after metric_relabel_configs. */
  readonly samples: number;
}

interface FamilyDraft {
  readonly family: MetricFamily;
  readonly samples: ExpositionSample[];
}

/**
 * Every sample with the target's labels and through metric_relabel_configs (which see `__name__`).
 * A renamed sample keeps its family's type when its suffix (`_bucket`, `_total`, …) survives;
 * otherwise it becomes an untyped series of its own.
 */
export function labelFamilies(families: readonly MetricFamily[], target: Labels, honorLabels: boolean, rules: readonly RelabelRule[]): LabeledFamilies {
  const drafts = new Map<string, FamilyDraft>();
  const draftOf = (name: string, like: MetricFamily): FamilyDraft => {
    const key = `${like.type}\u0000${name}`;
    let draft = drafts.get(key);
    if (draft === undefined) {
      draft = { family: { ...like, name, samples: [] }, samples: [] };
      drafts.set(key, draft);
    }
    return draft;
  };
  let kept = 0;
  for (const family of families) {
    for (const sample of family.samples) {
      const merged = mergeTargetLabels(sample.labels, target, honorLabels);
      merged.set('__name__', sample.name);
      // Without rules too: it removes labels with empty values, which Prometheus treats as absent.
      const labels = relabel(merged, rules);
      if (labels === undefined) continue;
      const name = labels.get('__name__') ?? '';
      labels.delete('__name__');
      if (name === '') continue;
      kept += 1;
      const suffix = sample.name.slice(family.name.length);
      const draft =
        name === sample.name
          ? draftOf(family.name, family)
          : name.endsWith(suffix) && name.length > suffix.length
            ? draftOf(name.slice(0, name.length - suffix.length), family)
            : draftOf(name, { ...family, type: 'untyped' });
      draft.samples.push({ ...sample, name, labels });
    }
  }
  return { families: [...drafts.values()].map((draft) => ({ ...draft.family, samples: draft.samples })), samples: kept };
}
