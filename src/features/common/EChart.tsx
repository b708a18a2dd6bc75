import { useEffect, useMemo, useState } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { echarts } from '../../charts/echarts-setup';

interface Props {
  option: EChartsOption;
  height: number;
  /** accessible name of the chart region */
  label: string;
  testId?: string;
  onEvents?: Record<string, (params: unknown) => void>;
}

let interactive: Promise<unknown> | null = null;
/** Registers tooltips once, after the first chart mounted; every chart re-applies its option then. */
function loadInteractive(): Promise<unknown> {
  interactive ??= import('../../charts/echarts-interactive');
  return interactive;
}

/**
 * One ECharts chart. echarts-for-react disposes the instance on unmount and resizes it with its box;
 * notMerge so a filter change never leaves series of the previous view behind.
 */
export function EChart({ option, height, label, testId, onEvents }: Props) {
  // data-rendered tells tests (and the time-to-first-chart benchmark) that drawing has finished.
  const [rendered, setRendered] = useState(0);
  const [withTooltips, setWithTooltips] = useState(false);
  useEffect(() => {
    let live = true;
    void loadInteractive().then(() => live && setWithTooltips(true));
    return () => {
      live = false;
    };
  }, []);
  // No entrance animation (a chart is read when drawn, not 300 ms later), short transitions on a change:
  // enough to follow it, never a wait. A new object once tooltips are registered, so the chart sets its
  // option again and gains them.
  const shown = useMemo(() => ({ ...option, animationDuration: 0, animationDurationUpdate: 300, ...(withTooltips ? {} : { tooltip: undefined }) }), [option, withTooltips]);
  const events = useMemo(
    () => ({
      ...onEvents,
      // first frame drawn after a change (the filter-change benchmark listens for it)
      rendered: () => window.dispatchEvent(new CustomEvent('chart-rendered')),
      finished: () => {
        if (typeof performance !== 'undefined' && !performance.getEntriesByName('first-chart').length) performance.mark('first-chart');
        // An event, not a mark: marks pile up in the performance buffer on a wall screen that runs for days.
        window.dispatchEvent(new CustomEvent('chart-finished'));
        setRendered(1);
      },
    }),
    [onEvents],
  );
  return (
    <div role="img" aria-label={label} data-testid={testId} data-rendered={rendered > 0 ? 'true' : 'false'} className="chart-box">
      <ReactEChartsCore
        echarts={echarts}
        option={shown}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas', devicePixelRatio: typeof window !== 'undefined' ? window.devicePixelRatio : 1 }}
        onEvents={events}
      />
    </div>
  );
}
