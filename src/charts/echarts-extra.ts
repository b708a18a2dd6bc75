/**
 * What the other views add to ECharts: lines, custom series (bands, tiles), heatmaps, reference lines,
 * titles and graphics (export frames), the visual map. Imported by those views' lazy chunks, so the first
 * view does not carry them. `echarts.use` is idempotent: importing this twice costs nothing.
 */
import { echarts } from './echarts-interactive';
import { CustomChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GraphicComponent, LegendComponent, MarkLineComponent, TitleComponent, VisualMapComponent } from 'echarts/components';

echarts.use([CustomChart, HeatmapChart, LineChart, GraphicComponent, LegendComponent, MarkLineComponent, TitleComponent, VisualMapComponent]);

export { echarts };
