import { trendsChartInput } from '../../charts/trends-input';
import { buildTrendsOption } from '../../charts/trends-option';
import { seriesScope, seriesTile } from '../wall/series-tile';
import type { WallTileKind } from '../wall/tile-kind';

/** Trends on the wall (data/wall.json `"kind": "trend"`): values as published over the tile's years, the home zone in the accent. */
export const trendTile: WallTileKind = {
  kind: 'trend',
  build(env) {
    const scope = seriesScope(env);
    const input = trendsChartInput(env.table, env.ind, scope.ids, scope.ys, { ...env.present, mode: 'absolute', log: false });
    return seriesTile(env, scope, input.series, (p) => ({ value: p.value, band: null }), () => ({ option: buildTrendsOption(input, env.ctx), label: input.description }));
  },
};
