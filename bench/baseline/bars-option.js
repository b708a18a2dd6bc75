// The baseline chart: N horizontal bars with value labels from an inline array, at the size and with the
// animation rule of the app's rankings chart: rankings-option.ts animates only up to 40 rows (so 169 bars
// draw at once), and EChart.tsx sets 300 ms where it animates (ECharts' default of 1000 ms would delay
// 'finished' — and so 'first-chart' — for no reason of the app's).
export const FONT = 13;
/** rankingsChartHeight() of src/charts/rankings-option.ts for N rows at 13 px */
export const chartHeight = (n) => Math.max(160, n * Math.round(FONT * 1.8) + 70);

export function inlineData(n = 169) {
  const names = Array.from({ length: n }, (_, i) => `高新区${i + 1}`);
  const values = names.map((_, i) => Math.round(20000 * Math.pow(0.975, i)) / 10);
  return { names, values };
}

export function barsOption(n = 169) {
  const { names, values } = inlineData(n);
  const text = { fontSize: FONT, color: '#333' };
  return {
    animation: n <= 40,
    animationDuration: 300,
    animationDurationUpdate: 300,
    grid: { left: 8, right: 72, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'value', position: 'top', name: '亿元', axisLabel: text, splitLine: { lineStyle: { color: '#eee' } } },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: text, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: Math.round(FONT * 1.1),
        itemStyle: { color: '#3b6fb6' },
        label: { show: true, position: 'right', ...text },
      },
    ],
  };
}
