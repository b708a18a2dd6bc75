/**
 * ECharts through echarts/core with only what the first view (Rankings) needs to draw: bars and dots on a
 * grid, the canvas renderer. (Every chart's wrapper already carries role="img" and a text description;
 * ECharts' own aria arrives with the tooltips.) The full `echarts` entry is never imported. Tooltips (with the axis
 * pointer, a fifth of the chart code) load right after the first chart is on screen (echarts-interactive);
 * other views register what they add (echarts-extra) when their chunk loads; export and SSR tests add the
 * SVG renderer (echarts-svg).
 */
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, ScatterChart, GridComponent, CanvasRenderer]);

export { echarts };
