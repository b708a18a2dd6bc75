import { useEffect, useMemo, useRef, useState } from 'react';
import type { ECharts, EChartsOption } from 'echarts';
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
 * One ECharts chart, disposed on unmount and resized with its box; notMerge so a filter change never leaves
 * series of the previous view behind. Bound to ECharts directly: echarts-for-react and its size sensor cost the
 * first view 6 KB gzip (the wall, which loads later, still uses them).
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
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  useEffect(() => {
    const c = echarts.init(box.current!, undefined, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(box.current!);
    setChart(c);
    return () => {
      ro?.disconnect();
      c.dispose();
    };
  }, []);
  // handlers first, so the first drawing already reports 'finished'
  useEffect(() => {
    if (!chart) return;
    const list = Object.entries(events);
    for (const [k, f] of list) chart.on(k, f);
    return () => {
      for (const [k, f] of list) chart.off(k, f);
    };
  }, [chart, events]);
  useEffect(() => {
    chart?.setOption(shown, { notMerge: true, lazyUpdate: true });
  }, [chart, shown]);
  return (
    <div role="img" aria-label={label} data-testid={testId} data-rendered={rendered > 0 ? 'true' : 'false'} className="chart-box">
      <div ref={box} style={{ height, width: '100%' }} />
    </div>
  );
}
