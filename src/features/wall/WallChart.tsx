import { useEffect, useMemo, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { echarts } from '../../charts/echarts-extra';

/** One step of the in-slide carousel: a series (by id or name) and a data index. */
export interface CarouselStep {
  series: string;
  dataIndex: number;
}

interface Props {
  option: EChartsOption;
  width: number;
  height: number;
  label: string;
  steps: CarouselStep[];
  /** ms between carousel steps; 0 = no carousel */
  every: number;
  paused: boolean;
}

function seriesIndexOf(option: EChartsOption, key: string): number {
  const list = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { id?: string; name?: string }[];
  return list.findIndex((s) => s.id === key || s.name === key);
}

/**
 * A wall chart: canvas at the device's pixel ratio (sharp on 4K and LED walls), sized to its tile, with a
 * tooltip carousel that walks through the data. One interval per chart, cleared on unmount or pause; the
 * ECharts instance is disposed by echarts-for-react on unmount, so a tour running for days holds no old
 * instances.
 */
export function WallChart({ option, width, height, label, steps, every, paused }: Props) {
  const ref = useRef<ReactEChartsCore>(null);
  const stepsKey = steps.map((s) => `${s.series}:${s.dataIndex}`).join('|');
  const shown = useMemo(() => option, [option]);
  useEffect(() => {
    if (paused || !every || !steps.length) return;
    let k = 0;
    let last: { seriesIndex: number; dataIndex: number } | null = null;
    const id = window.setInterval(() => {
      const chart = ref.current?.getEchartsInstance();
      if (!chart || chart.isDisposed()) return;
      try {
        const step = steps[k % steps.length];
        k = (k + 1) % steps.length;
        const seriesIndex = seriesIndexOf(option, step.series);
        if (seriesIndex < 0) return;
        if (last) chart.dispatchAction({ type: 'downplay', ...last });
        last = { seriesIndex, dataIndex: step.dataIndex };
        chart.dispatchAction({ type: 'highlight', ...last });
        chart.dispatchAction({ type: 'showTip', ...last });
      } catch {
        // one failing step never stops the tour
      }
    }, every);
    return () => window.clearInterval(id);
  }, [option, stepsKey, every, paused]); // eslint-disable-line react-hooks/exhaustive-deps
  if (width < 10 || height < 10) return null;
  return (
    <div role="img" aria-label={label} className="wall-chart">
      <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={shown}
        notMerge
        style={{ width, height }}
        opts={{ renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 }}
      />
    </div>
  );
}
