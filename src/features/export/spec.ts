import type { EChartsOption } from 'echarts';
import type { ChartContext } from '../../charts/context';
import type { CsvCell } from '../../charts/export/csv';

/**
 * What a view hands the export feature for one chart: how to build it at any size, what a report needs
 * printed inside the image, and the rows behind it. Views build these; export never reaches into a view.
 */
export interface ChartExportSpec {
  id: string;
  fileParts: { indicator: string; year?: string | number; scope?: string; extra?: string[] };
  title: string;
  subtitle: string;
  unit: string;
  /** sources of the values actually shown */
  sources: string[];
  /** bands, conflicts, estimates … */
  notes: string[];
  demo: boolean;
  build: (ctx: ChartContext) => EChartsOption;
  table: { header: string[]; rows: CsvCell[][] };
}
