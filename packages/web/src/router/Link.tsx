import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { hrefFor, navigate } from './history.ts';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** App path with optional query, e.g. `/traces/abc?span=def`. */
  readonly to: string;
  readonly replace?: boolean;
  readonly children: ReactNode;
}

/** A real link (open in new tab, copy address work) that navigates in-app on a plain click. */
export function Link({ to, replace, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target !== undefined && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to, { replace: replace === true });
  };
  return (
    <a href={hrefFor(to)} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
