import { useEffect } from 'react';
import { Link } from '../router/Link.tsx';

function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Sightline`;
  }, [title]);
}

export function PlaceholderPage({ what, title }: { readonly what: string; readonly title: string }) {
  useTitle(title);
  return (
    <div className="page-body placeholder">
      <h2>{what} is coming</h2>
      <p>
        This view is not built yet. Meanwhile, explore <Link to="/traces">traces</Link> and <Link to="/logs">logs</Link>.
      </p>
    </div>
  );
}

export function NotFoundPage({ path }: { readonly path: string }) {
  useTitle('Not found');
  return (
    <div className="page-body placeholder">
      <h2>No page at {path}</h2>
      <p>
        Go to <Link to="/traces">Traces</Link>.
      </p>
    </div>
  );
}
