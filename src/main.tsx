// early-start first: it starts the import worker and the data fetches before react-dom and echarts are
// evaluated (imports run in order).
import './app/early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './features/common/ErrorBoundary';
import './theme/app.css';

// The service worker (offline reload) registers from its own chunk once the first chart is drawn, or 4 s after
// the page loaded where no chart is (the wall draws its own): never before the first view's own work.
let swStarted = false;
const startServiceWorker = () => {
  if (swStarted) return;
  swStarted = true;
  void import('./app/service-worker').then((m) => m.registerServiceWorker());
};
window.addEventListener('chart-finished', startServiceWorker, { once: true });
window.addEventListener('load', () => setTimeout(startServiceWorker, 4000), { once: true });

// ErrorBoundary logs what it catches, once and naming the part that failed: React does not log it again.
createRoot(document.getElementById('root')!, { onCaughtError: () => undefined }).render(
  <StrictMode>
    <ErrorBoundary kind="app">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
