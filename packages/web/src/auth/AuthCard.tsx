import type { ReactNode } from 'react';
import { ThemeToggle } from '../app/ThemeToggle.tsx';
import './auth.css';

/** The sign-in and setup pages' frame: the brand, a card with the form, the theme switch. */
export function AuthCard({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <div className="auth-screen">
      <div className="auth-theme">
        <ThemeToggle />
      </div>
      <main id="main" className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>{' '}
          Sightline
        </div>
        <h1 className="auth-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
