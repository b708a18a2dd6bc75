import { describe, expect, it } from 'vitest';
import { chooseGrid, portraitCells } from '../../src/features/wall/layout';

describe('wall grid from the stage shape and the slide tiles', () => {
  it('one row on a 32:9 wall, two by two on 16:9, one column on a portrait screen', () => {
    expect(chooseGrid([2, 1, 1], 5740, 990, 27)).toEqual({ rows: 1, cols: 4, spanAlong: 'col' });
    expect(chooseGrid([2, 1, 1], 3820, 990, 27)).toEqual({ rows: 1, cols: 4, spanAlong: 'col' });
    expect(chooseGrid([2, 1, 1], 1900, 990, 27)).toEqual({ rows: 2, cols: 2, spanAlong: 'row' });
    expect(chooseGrid([2, 1, 1], 1060, 1450, 48)).toEqual({ rows: 4, cols: 1, spanAlong: 'row' });
  });
  it('three cells on 16:9 lie in one row rather than leave a cell empty', () => {
    expect(chooseGrid([2, 1], 1900, 990, 27)).toEqual({ rows: 1, cols: 3, spanAlong: 'col' });
  });
});

describe('portraitCells', () => {
  it('keeps each chart in a cell of its own and puts each run of key figures side by side in one cell', () => {
    expect(portraitCells(['chart', 'kpi', 'kpi'])).toEqual([[0], [1, 2]]);
    expect(portraitCells(['kpi', 'chart', 'kpi'])).toEqual([[0], [1], [2]]);
    expect(portraitCells(['chart', 'chart', 'kpi'])).toEqual([[0], [1], [2]]);
    expect(portraitCells(['kpi', 'kpi', 'kpi', 'chart'])).toEqual([[0, 1, 2], [3]]);
    expect(portraitCells([])).toEqual([]);
  });
});
