import { Component, type ReactNode } from 'react';
import { setFilters } from '../../store/store';
import { useT } from './hooks';

interface Props {
  /** what this boundary guards, as the user knows it (a view's or a tile's name); absent = the whole page */
  name?: string;
  /** a view's card also leads back to Rankings, the page's card offers a reload; a tile's offers Retry only */
  kind?: 'app' | 'view' | 'tile';
  /** a change (the route or a filter) clears the error */
  resetKey?: string;
  children: ReactNode;
}

interface State {
  error?: Error;
  key?: string;
}

/**
 * Catches an exception thrown while rendering below it and shows a calm card in its place: what failed, the
 * error's message (as text), and a way back; the rest of the page goes on (docs/architecture.md §7.7).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): State | null {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override componentDidCatch(error: unknown) {
    // the one log line: main.tsx keeps React from logging a caught error again
    console.error(`[ErrorBoundary] ${this.props.name ?? 'app'}:`, error);
  }

  override render() {
    const { error } = this.state;
    return error ? <ErrorCard {...this.props} message={error.message} retry={() => this.setState({ error: undefined })} /> : this.props.children;
  }
}

function ErrorCard({ name, kind, message, retry }: Props & { message: string; retry: () => void }) {
  const t = useT();
  return (
    <section className={`error-card ${kind}`} role="alert" data-testid="error-card">
      <h2>{t('errorTitle', { what: name ?? t('appTitle') })}</h2>
      <p className="error-message">{message}</p>
      <button type="button" onClick={retry}>{t('errorRetry')}</button>
      {kind === 'view' && <button type="button" onClick={() => setFilters({ route: 'rankings' })}>{t('errorBack')}</button>}
      {kind === 'app' && <button type="button" onClick={() => location.reload()}>{t('errorReload')}</button>}
    </section>
  );
}
