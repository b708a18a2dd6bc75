import { useEffect, useMemo, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { echarts } from '../../charts/echarts-extra';

/** The mark the spotlight is on: a series (by id or name) and a data index. */
export interface HighlightStep {
  series: string;
  dataIndex: number;
  /** the data item's name, when the builder reorders its data (the scatter draws the home zone last) */
  name?: string;
}

interface Props {
  option: EChartsOption;
  width: number;
  height: number;
  label: string;
  /** the mark to highlight (the spotlight's zone), or none */
  highlight: HighlightStep | null;
}

/**
 * Test hook, inert unless a test sets `window.__htzWallProbe` before the page loads (test/e2e/wall.test.ts): the
 * chart's instance is kept on its element, so the test reads the labels ECharts laid out and their fonts.
 */
function probe(chart: unknown) {
  if (!(window as { __htzWallProbe?: boolean }).__htzWallProbe) return;
  const dom = (chart as { getDom(): HTMLElement }).getDom();
  (dom as HTMLElement & { __echarts?: unknown }).__echarts = chart;
}

function seriesIndexOf(option: EChartsOption, key: string): number {
  const list = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { id?: string; name?: string }[];
  return list.findIndex((s) => s.id === key || s.name === key);
}

/**
 * A wall chart: canvas at the device's pixel ratio (sharp on 4K and LED walls), sized to its tile. No tooltip
 * (a desk's 12 px box is a speck on a wall): the tile's spotlight strip says what the highlighted mark is, and
 * this chart only highlights it. The ECharts instance is disposed by echarts-for-react on unmount, so a tour
 * running for days holds no old instances.
 */
export function WallChart({ option, width, height, label, highlight }: Props) {
  const ref = useRef<ReactEChartsCore>(null);
  // no tooltip, and a highlight that fades nothing else: a desk chart's focus dims every other zone to a shadow,
  // which a room away reads as nothing at all
  const shown = useMemo<EChartsOption>(() => {
    const list = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { emphasis?: object }[];
    return { ...option, tooltip: { show: false }, series: list.map((s) => ({ ...s, emphasis: { ...(s.emphasis ?? {}), focus: 'none' } })) } as EChartsOption;
  }, [option]);
  const seriesKey = highlight?.series ?? '';
  const dataIndex = highlight?.dataIndex ?? -1;
  const itemName = highlight?.name;
  useEffect(() => {
    const chart = ref.current?.getEchartsInstance();
    if (!chart || chart.isDisposed() || dataIndex < 0) return;
    const seriesIndex = seriesIndexOf(option, seriesKey);
    if (seriesIndex < 0) return;
    const at = itemName ? { seriesIndex, name: itemName } : { seriesIndex, dataIndex };
    try {
      chart.dispatchAction({ type: 'highlight', ...at });
    } catch {
      // a failed highlight never stops the tour
    }
    return () => {
      if (!chart.isDisposed()) chart.dispatchAction({ type: 'downplay', ...at });
    };
  }, [option, seriesKey, dataIndex, itemName]);
  if (width < 10 || height < 10) return null;
  return (
    <div role="img" aria-label={label} className="wall-chart">
      <ReactEChartsCore
        ref={ref}
        onChartReady={probe}
        echarts={echarts}
        option={shown}
        notMerge
        style={{ width, height }}
        opts={{ renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 }}
      />
    </div>
  );
}
