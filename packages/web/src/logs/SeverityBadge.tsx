import { severityLabel, severityLevel } from './severity.ts';

export function SeverityBadge({ log }: { readonly log: { readonly severityNumber: number; readonly severityText: string } }) {
  return <span className={`sev sev-${severityLevel(log.severityNumber)}`}>{severityLabel(log)}</span>;
}
