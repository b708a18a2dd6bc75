// The dependency floor of the first view: react-dom and echarts/core with bar, scatter, grid and canvas,
// each actually used (so nothing is tree-shaken away that the app needs), and nothing else. Its gzipped
// JavaScript is the baseline of the initial-JavaScript figure.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { barsOption, chartHeight } from './bars-option.js';

echarts.use([BarChart, ScatterChart, GridComponent, CanvasRenderer]);

/** A callback ref (React 19: its return value is the cleanup) draws the chart once the div is mounted. */
function mountChart(el) {
  if (!el) return undefined;
  const chart = echarts.init(el);
  chart.on('finished', () => !performance.getEntriesByName('first-chart').length && performance.mark('first-chart'));
  const option = barsOption(169);
  option.series.push({ type: 'scatter', data: [] });
  chart.setOption(option);
  return () => chart.dispose();
}

function Chart() {
  return createElement('div', { ref: mountChart, className: 'chart-box', style: { height: chartHeight(169) } });
}

createRoot(document.getElementById('root')).render(createElement(Chart));
