import { scatterChartInput } from '../../charts/compare-input';
import { buildScatterOption } from '../../charts/compare-option';
import { at } from '../../data/table';
import { formatValue, indicatorName } from '../../model/format';
import { WALL } from '../../theme/tokens';
import type { WallTileKind } from '../wall/tile-kind';
import type { Spot } from '../wall/tile-model';

/** Compare on the wall (data/wall.json `"kind": "compare"`, with `ind2` for the y axis): the scatter, its extremes spotlit. */
export const compareTile: WallTileKind = {
  kind: 'compare',
  needs: ['ind2'],
  build({ tile, table, ind, ctx, year, focus, lang, catalogue, present, unitOf, sourceOf }) {
    const y = catalogue?.byId.get(tile.ind2 ?? '');
    if (!y || year === null) return null;
    const input = scatterChartInput(table, ind, y, null, year, { ...present, selected: new Set(focus ? [focus] : []) });
    for (const p of input.points) if (p.home) p.colour = WALL.accent;
    const rows: number[] = [];
    for (let i = 0; i < table.size; i++) if ((at(table.indicator, i) === ind.id || at(table.indicator, i) === y.id) && table.year[i] === year) rows.push(i);
    // the home zone first, then the zones furthest out on either axis (the ones a viewer asks about)
    const order = input.points.map((p, k) => ({ p, k }));
    const extremes = [...order].sort((a, b) => b.p.x - a.p.x).slice(0, 3).concat([...order].sort((a, b) => b.p.y - a.p.y).slice(0, 3));
    const picked = [...order.filter(({ p }) => p.home || p.highlighted), ...extremes].filter((v, i, all) => all.findIndex((w) => w.k === v.k) === i).slice(0, 6);
    const spots: Spot[] = picked.map(({ p, k }) => ({
      series: 'points',
      dataIndex: k,
      name: p.id,
      zone: p.label,
      home: p.home,
      value: `${indicatorName(ind, lang)} ${formatValue(p.x, null, ind, lang)}${unitOf(ind)} · ${indicatorName(y, lang)} ${formatValue(p.y, null, y, lang)}${unitOf(y)}`,
      rank: '',
      change: '',
      source: sourceOf(rows.find((i) => at(table.zone, i) === p.id)),
    }));
    return { option: buildScatterOption(input, ctx), label: input.description, spots, rows, title: `${indicatorName(ind, lang)} × ${indicatorName(y, lang)} · ${year}` };
  },
};
