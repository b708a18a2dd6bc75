/** The SVG renderer: for vector export and for server-side rendering of golden SVGs in tests. */
import { echarts } from './echarts-extra';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([SVGRenderer]);

export { echarts };
