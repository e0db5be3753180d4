import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | undefined;
}

/** Keeps a crash in one view from blanking the app: shows what failed and a way back. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode; readonly resetKey: string }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: { readonly resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined) this.setState({ error: undefined });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('view crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <div className="page-body">
        <div className="notice notice-error" role="alert">
          <div className="notice-title">This view failed to render</div>
          <div className="notice-message">{error.message}</div>
          <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      </div>
    );
  }
}
