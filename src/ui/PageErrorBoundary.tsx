/**
 * What shows when a page's code, the app's chain configuration or the wallet layer failed to load or start
 * (a dropped connection, a deploy that replaced the files): one sentence and a way to try again, instead of
 * a blank screen.
 */
import { Component, type ReactNode } from 'react';
import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

interface State {
  error: unknown;
}

export class PageErrorBoundary extends Component<{ children: ReactNode; what?: string }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const reason = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <Notice tone="error" action={<Button onClick={() => window.location.reload()}>Reload</Button>}>
        {this.props.what ?? 'This page'} could not be loaded ({reason.split('\n')[0]}). Nothing was sent;
        reloading usually fixes it.
      </Notice>
    );
  }
}
