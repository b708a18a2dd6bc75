// Time-to-first-chart baseline: echarts/core with what the app's first view registers (bar, scatter, grid,
// canvas), one chart from an inline array, no framework, no data fetch. Marks 'first-chart' on the first
// 'finished' and dispatches the same window events as src/features/common/EChart.tsx.
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { barsOption, chartHeight } from './bars-option.js';

echarts.use([BarChart, ScatterChart, GridComponent, CanvasRenderer]);

const N = Number(new URLSearchParams(location.search).get('n')) || 169;
const el = document.getElementById('chart');
el.style.height = `${chartHeight(N)}px`;
const chart = echarts.init(el, null, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio });
chart.on('rendered', () => window.dispatchEvent(new CustomEvent('chart-rendered')));
chart.on('finished', () => {
  if (!performance.getEntriesByName('first-chart').length) performance.mark('first-chart');
  el.setAttribute('data-rendered', 'true');
  window.dispatchEvent(new CustomEvent('chart-finished'));
});
chart.setOption(barsOption(N));
