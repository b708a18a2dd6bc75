/** Tooltips and ECharts' aria: loaded on demand, after the first chart is drawn (see echarts-setup.ts). */
import { echarts } from './echarts-setup';
import { AriaComponent, TooltipComponent } from 'echarts/components';

echarts.use([AriaComponent, TooltipComponent]);

export { echarts };
