import { bumpChartInput } from '../../charts/bump-input';
import { buildBumpOption } from '../../charts/bump-option';
import { seriesScope, seriesTile } from '../wall/series-tile';
import type { WallTileKind } from '../wall/tile-kind';

/** Rank trajectories on the wall (data/wall.json `"kind": "bump"`): ranks over the tile's years, bands by their label. */
export const bumpTile: WallTileKind = {
  kind: 'bump',
  build(env) {
    const scope = seriesScope(env);
    const input = bumpChartInput(env.table, env.ind, scope.ids, scope.ys, env.present);
    return seriesTile(env, scope, input.series, (p) => ({ value: p.rank, band: p.band?.label ?? null }), () => ({ option: buildBumpOption(input, env.ctx), label: input.description }));
  },
};
