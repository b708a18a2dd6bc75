// early-start first: it starts the import worker and the data fetches before react-dom and echarts are
// evaluated (imports run in order).
import './app/early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './features/common/ErrorBoundary';
import './theme/app.css';

// ErrorBoundary logs what it catches, once and naming the part that failed: React does not log it again.
createRoot(document.getElementById('root')!, { onCaughtError: () => undefined }).render(
  <StrictMode>
    <ErrorBoundary kind="app">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
