import type { EChartsOption } from 'echarts';
import { ExportMenu } from '../export/ExportMenu';
import type { ChartExportSpec } from '../export/spec';
import { EChart } from './EChart';

/** A view's chart in its panel, with the export menu above it when the view can export it. */
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
          <ExportMenu spec={spec} />
        </div>
      )}
      <div className="chart-panel">
        <EChart option={option} height={height} label={label} testId={testId} onEvents={onEvents} />
      </div>
    </>
  );
}
