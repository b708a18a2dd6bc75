/** Tooltips: loaded on demand, after the first chart is drawn (see echarts-setup.ts). */
import { echarts } from './echarts-setup';
import { TooltipComponent } from 'echarts/components';

echarts.use([TooltipComponent]);

export { echarts };
