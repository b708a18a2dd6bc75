/** A slide's grid: how many rows and columns, and whether a double tile spans two rows or two columns. */
export interface WallGrid {
  rows: number;
  cols: number;
  /** 'row': a double tile is two rows tall; 'col': two columns wide (a one-row layout) */
  spanAlong: 'row' | 'col';
}

/** The shape a tile looks best in (width / height): a chart a little wider than tall. */
const TARGET_ASPECT = 1.45;
/** What one empty cell costs, in the same (log-aspect) units as a cell's distance from the target shape. */
const EMPTY_CELL = 0.6;
/** A cell narrower than this many base fonts cannot hold a zone label, a plot and its value labels side by side. */
const MIN_CELL_EMS = 18;

/**
 * The grid for a slide's tiles on a stage of `width × height`: of every rows × columns that holds the tiles
 * (a double tile counts twice), the one whose cells are nearest a slightly wide shape, an empty cell costing
 * extra, and a cell too narrow for the wall's font (a portrait screen) much more. A 32:9 wall gets one row, a 16:9 screen two rows of two (or one row of three), a portrait screen
 * one column; the tiles then share the whole stage.
 */
export function chooseGrid(spans: readonly number[], width: number, height: number, fontSize = 0): WallGrid {
  const cells = Math.max(1, spans.reduce((n, s) => n + s, 0));
  const w = width > 0 ? width : 16;
  const h = height > 0 ? height : 9;
  let best: WallGrid & { score: number } = { rows: 1, cols: cells, spanAlong: 'col', score: Infinity };
  for (let rows = 1; rows <= cells; rows++) {
    const cols = Math.ceil(cells / rows);
    // a double tile two rows tall needs two rows; in one row it lies across two columns
    if (rows > 1 && spans.some((s) => s > rows)) continue;
    const aspect = w / cols / (h / rows);
    const narrow = fontSize > 0 && w / cols < MIN_CELL_EMS * fontSize ? 2 : 0;
    const score = Math.abs(Math.log(aspect / TARGET_ASPECT)) + EMPTY_CELL * (rows * cols - cells) + narrow;
    if (score < best.score - 1e-9) best = { rows, cols, spanAlong: rows === 1 ? 'col' : 'row', score };
  }
  return { rows: best.rows, cols: best.cols, spanAlong: best.spanAlong };
}

/**
 * A portrait stack's cells: each chart tile alone, and each run of key figures side by side in one cell (they
 * wrap onto lines of their own when their figures are too wide to share one). Stacked one per row, two key figures
 * took 840 of a 1080×1920 screen's pixels and left a scatter plot a few pixels high.
 */
export function portraitCells(kinds: readonly ('kpi' | 'chart')[]): number[][] {
  const cells: number[][] = [];
  kinds.forEach((kind, k) => {
    const last = cells[cells.length - 1];
    if (kind === 'kpi' && last && kinds[last[0]] === 'kpi') last.push(k);
    else cells.push([k]);
  });
  return cells;
}
