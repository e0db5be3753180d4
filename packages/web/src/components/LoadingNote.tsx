/** A quiet "loading" line announced to screen readers. */
export function LoadingNote({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <div className="loading-note" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
