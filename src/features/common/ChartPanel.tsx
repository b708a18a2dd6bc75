import type { EChartsOption } from 'echarts';
import { ExportMenu, ExportViewZip } from '../export/ExportMenu';
import { ExportViewOffice } from '../export/OfficeExport';
import type { ChartExportSpec } from '../export/spec';
import { EChart } from './EChart';

/**
 * A view's chart in its panel, with the exports above it when the view can export it: the view as a ZIP, an
 * Excel workbook, a PowerPoint deck and a Word report (one chart here), and the chart's own menu.
 */
export function ChartPanel({ spec, option, height, label, testId, onEvents }: {
  spec: ChartExportSpec | null;
  option: EChartsOption;
  height: number;
  label: string;
  testId: string;
  onEvents?: Record<string, (params: unknown) => void>;
}) {
  return (
    <>
      {spec && (
        <div className="chart-toolbar">
          <ExportViewZip specs={[spec]} fileParts={spec.fileParts} />
          <ExportViewOffice specs={[spec]} fileParts={spec.fileParts} title={spec.title} indicators={[spec.fileParts.indicator]} when={spec.fileParts.year === undefined ? '' : String(spec.fileParts.year)} />
          <ExportMenu spec={spec} />
        </div>
      )}
      <div className="chart-panel">
        <EChart option={option} height={height} label={label} testId={testId} onEvents={onEvents} />
      </div>
    </>
  );
}
