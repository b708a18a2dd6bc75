import type { EChartsOption } from 'echarts';
import type { ChartContext } from '../../charts/context';
import type { CsvCell } from '../../charts/export/csv';
import type { NumberedSource } from '../../charts/export/source-titles';

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
  /**
   * sources of the values actually shown, numbered: the image prints `[no] title`, the CSV's 来源编号 column and
   * the JSON's `sources` point to `no` (charts/export/source-titles.ts)
   */
  sources: NumberedSource[];
  /** bands, conflicts, estimates … */
  notes: string[];
  demo: boolean;
  build: (ctx: ChartContext) => EChartsOption;
  table: { header: string[]; rows: CsvCell[][] };
}
