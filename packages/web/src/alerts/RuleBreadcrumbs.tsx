import { Link } from '../router/Link.tsx';
import { useAppLocation } from '../router/use-location.ts';
import { alertsHref, ruleHref } from './alerts-view.ts';

/** The way back from a rule's pages: `Alerts /`, then `<rule> /` when the page is under a rule (its editor). */
export function RuleBreadcrumbs({ rule }: { readonly rule?: { readonly id: string; readonly name: string } }) {
  const { params } = useAppLocation();
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={alertsHref(params)}>Alerts</Link>
      <span aria-hidden="true"> / </span>
      {rule !== undefined && (
        <>
          <Link to={ruleHref(rule.id, params)}>{rule.name}</Link>
          <span aria-hidden="true"> / </span>
        </>
      )}
    </nav>
  );
}
