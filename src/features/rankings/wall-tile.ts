import { buildRankingsOption } from '../../charts/rankings-option';
import { rankingsChartInput } from '../../charts/rankings-input';
import { formatValue, indicatorName } from '../../model/format';
import { isEvaluationRank, rankUniverse } from '../../model/rank-universe';
import { buildRankings } from '../../model/rankings';
import type { WallTileKind } from '../wall/tile-kind';
import { tileZones, type Spot } from '../wall/tile-model';

/** Rankings on the wall (data/wall.json `"kind": "rankings"`): as many bars as the box holds, the home zone always among them. */
export const rankingsTile: WallTileKind = {
  kind: 'rankings',
  build({ tile, table, ind, ctx, year, focus, lang, t, zones, evaluations, present, unitOf, changeText, sourceOf }) {
    if (year === null) return null;
    const universe = isEvaluationRank(ind) ? rankUniverse(zones, evaluations, year) : null;
    const r = buildRankings(table, ind, year, tileZones(tile, zones, year, universe));
    // as many rows as the box holds at wall size (two at least: the leader and the home zone)
    const fit = Math.max(2, Math.floor((ctx.height - ctx.fontSize * 3) / (ctx.fontSize * 1.9)));
    const top = Math.min(tile.top ?? fit, fit);
    let entries = r.entries.slice(0, top);
    const home = r.entries.find((e) => e.zone === focus);
    if (home && !entries.includes(home)) entries = [...entries.slice(0, top - 1), home];
    const input = rankingsChartInput({ ...r, entries }, table, { ...present, universe: universe ?? undefined });
    const spots: Spot[] = entries.flatMap((e, k) =>
      input.kind === 'rank' && e.value === null
        ? []
        : [{
            series: input.kind === 'rank' ? 'rank' : input.axisName,
            dataIndex: k,
            zone: input.rows[k]?.label ?? e.zone,
            home: e.zone === focus,
            value: `${formatValue(e.value, e.band, ind, lang)}${unitOf(ind)}`,
            rank: ind.kind !== 'rank' && e.rankAmongLoaded !== null ? t('rankOf', { rank: e.rankAmongLoaded, n: r.entries.length }) : '',
            change: changeText(e.change, ind),
            source: sourceOf(e.cell.lead),
          }],
    );
    return { option: buildRankingsOption(input, ctx), label: input.description, spots, rows: entries.flatMap((e) => e.cell.rows), title: `${indicatorName(ind, lang)} · ${year}` };
  },
};
