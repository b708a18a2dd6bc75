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
  /** one sentence on what the chart shows (charts/summary.ts): the Word report prints it as the figure's paragraph */
  summary?: string;
  build: (ctx: ChartContext) => EChartsOption;
  table: {
    header: string[];
    rows: CsvCell[][];
    /**
     * The numeric columns the Excel export formats: decimals per row (the catalogue's, by each row's indicator) or one
     * for all, and the unit every row shares ('' when they differ), which goes into the column's header.
     */
    formats?: ColumnFormat[];
  };
}

export interface ColumnFormat {
  column: number;
  /** null: the row has no known indicator, the cell keeps Excel's General format */
  decimals: number | readonly (number | null)[];
  unit?: string;
}
