import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogRecord } from '@sightline/contract';
import { LogRow } from './LogRow.tsx';

export interface LogListProps {
  readonly logs: readonly LogRecord[];
  /** The log named in the URL: expanded and scrolled into view once it is loaded. */
  readonly selectedKey: string;
  readonly onSelect: (key: string) => void;
  readonly onFilter: (key: string, value: string, scope: 'span' | 'resource') => void;
  readonly onShowContext?: ((log: LogRecord) => void) | undefined;
  /** Called when the end of the list scrolls into view. */
  readonly onEndVisible?: (() => void) | undefined;
  readonly label: string;
  readonly columns?: readonly string[];
}

/** Log lines, newest first; rows expand to every field. */
const NO_COLUMNS: readonly string[] = [];

export function LogList({ logs, selectedKey, onSelect, onFilter, onShowContext, onEndVisible, label, columns = NO_COLUMNS }: LogListProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(selectedKey === '' ? [] : [selectedKey]));
  const listRef = useRef<HTMLOListElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const endRef = useRef(onEndVisible);
  endRef.current = onEndVisible;
  const scrolledTo = useRef('');

  useEffect(() => {
    if (selectedKey !== '') setExpanded((e) => (e.has(selectedKey) ? e : new Set([...e, selectedKey])));
  }, [selectedKey]);

  const selectedLoaded = selectedKey !== '' && logs.some((l) => l.id === selectedKey);
  useEffect(() => {
    if (!selectedLoaded || scrolledTo.current === selectedKey) return;
    scrolledTo.current = selectedKey;
    const row = listRef.current?.querySelector(`[data-log-key="${CSS.escape(selectedKey)}"]`);
    row?.scrollIntoView({ block: 'center' });
  }, [selectedLoaded, selectedKey]);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (sentinel === null) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) endRef.current?.();
      },
      { rootMargin: '400px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, []);

  const toggle = useCallback(
    (key: string) => {
      setExpanded((e) => {
        const next = new Set(e);
        if (!next.delete(key)) next.add(key);
        return next;
      });
      onSelect(key);
    },
    [onSelect],
  );

  const occurrences = new Map<string, number>();
  return (
    <>
      <ol ref={listRef} className="log-list" aria-label={label}>
        {logs.map((log) => {
          const key = log.id;
          // Identical records share an id; React still needs distinct keys.
          const seen = (occurrences.get(key) ?? 0) + 1;
          occurrences.set(key, seen);
          return (
            <LogRow
              key={seen === 1 ? key : `${key}#${seen}`}
              rowKey={key}
              log={log}
              expanded={expanded.has(key)}
              selected={key === selectedKey}
              onToggle={toggle}
              onFilter={onFilter}
              onShowContext={onShowContext}
              columns={columns}
            />
          );
        })}
      </ol>
      <div ref={sentinelRef} className="list-sentinel" aria-hidden="true" />
    </>
  );
}
