import type { EChartsOption } from 'echarts';
import type { Catalogue } from '../../data/catalogue';
import type { Evaluation } from '../../data/evaluations';
import type { ZoneRegistry } from '../../data/registry';
import type { TierRule } from '../../data/source-tiers';
import type { TidyTable } from '../../data/table';
import type { ChartContext } from '../../charts/context';
import type { Indicator, Zone } from '../../domain/types';
import type { Lang, Translate } from '../../i18n';
import type { ThemeTokens } from '../../theme/tokens';
import type { Tile } from './playlist';
import type { Spot } from './tile-model';

/**
 * How a view appears as a wall tile (docs/architecture.md §4.6, §5.1): its kind's name in playlists, the fields
 * a tile of that kind must have, and the chart it draws in a tile's box. Each view that has one keeps it in its
 * own folder (features/<view>/wall-tile.ts); the registry (src/app/views.ts) loads them with the wall and hands
 * them to WallView, so the wall knows no view by name. Only the key figure (`kpi`) is the wall's own.
 * Pure: no React.
 */
export interface WallTileKind {
  /** the `kind` in data/wall.json (a contract: playlists on screens name it) */
  kind: string;
  /** fields a tile of this kind cannot do without; a playlist tile lacking one is an error in its cell */
  needs?: readonly 'ind2'[];
  build(env: TileEnv): BuiltTile | null;
}

/** A tile's chart, ready for WallChart, with the spotlight's stops and the rows its source line cites. */
export interface BuiltTile {
  option: EChartsOption;
  /** the chart's text alternative */
  label: string;
  spots: Spot[];
  /** the table rows shown, for the source line */
  rows: number[];
  title: string;
}

/** Everything a tile's builder may read: the tile, the data, the box and the words of the wall. */
export interface TileEnv {
  tile: Tile;
  table: TidyTable;
  ind: Indicator;
  /** the wall's chart context: the tile's measured box and the wall's font size */
  ctx: ChartContext;
  /** the indicator's years in the table, and the tile's year (else the latest) */
  years: number[];
  year: number | null;
  focus: string | null;
  lang: Lang;
  t: Translate;
  zones: readonly Zone[];
  registry: ZoneRegistry;
  catalogue: Catalogue | null;
  evaluations: readonly Evaluation[];
  tierRules: readonly TierRule[];
  /** the presentation options every chart input takes, in the wall's colours */
  present: WallPresent;
  /** ` 亿元` after a value, or '' */
  unitOf(ind: Indicator): string;
  /** 进 3 位 / +5.2 亿元 on the year before, or '' */
  changeText(change: number | null, ind: Indicator): string;
  /** the short title of a row's source, or '' */
  sourceOf(row: number | undefined): string;
}

export interface WallPresent {
  zonesById: Map<string, Zone>;
  lang: Lang;
  t: Translate;
  home: string | null;
  selected: ReadonlySet<string>;
  accent: string;
  theme: ThemeTokens;
  tierRules: readonly TierRule[];
}
