/**
 * ECharts through echarts/core with only what the first view (Rankings) needs to draw: bars and dots on a
 * grid, aria, the canvas renderer. The full `echarts` entry is never imported. Tooltips (with the axis
 * pointer, a fifth of the chart code) load right after the first chart is on screen (echarts-interactive);
 * other views register what they add (echarts-extra) when their chunk loads; export and SSR tests add the
 * SVG renderer (echarts-svg).
 */
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, ScatterChart, AriaComponent, GridComponent, CanvasRenderer]);

export { echarts };
