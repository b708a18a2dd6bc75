// early-start first: it starts the import worker and the data fetches before react-dom and echarts are
// evaluated (imports run in order).
import './app/early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './theme/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
