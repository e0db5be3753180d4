import { useCallback, useEffect, useState } from 'react';

export interface CursorPages {
  /** 1-based page number (as far as this session knows). */
  readonly page: number;
  readonly hasPrevious: boolean;
  readonly next: (nextCursor: string) => void;
  readonly previous: () => void;
}

/**
 * Cursor pagination with the current cursor in the URL and the way back in memory; a change of
 * `resetKey` (filters, range) starts over.
 */
export function useCursorPages(cursor: string, setCursor: (cursor: string) => void, resetKey: string): CursorPages {
  const [stack, setStack] = useState<readonly string[]>([]);
  useEffect(() => setStack([]), [resetKey]);
  const next = useCallback(
    (nextCursor: string) => {
      setStack((s) => [...s, cursor]);
      setCursor(nextCursor);
    },
    [cursor, setCursor],
  );
  const previous = useCallback(() => {
    setStack(stack.slice(0, -1));
    setCursor(stack[stack.length - 1] ?? '');
  }, [stack, setCursor]);
  return { page: stack.length + 1, hasPrevious: stack.length > 0 || cursor !== '', next, previous };
}
