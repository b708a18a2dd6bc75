/**
 * ECharts through echarts/core with only the charts and components used (tree-shaking; the full
 * `echarts` entry is never imported). Both renderers: canvas on screen, SVG for export and SSR tests.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, ScatterChart,
  AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  CanvasRenderer, SVGRenderer,
]);

export { echarts };
