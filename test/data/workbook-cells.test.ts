// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cellText, dateText, isPercentFormat, numberText } from '../../src/data/workbook/cell-text';
import { columnLetters, rangeCells } from '../../src/data/workbook/ranges';
import { unmerge } from '../../src/data/workbook/sheet-grid';

/** docs/hostile-inputs.md W2 cell by cell, W1 merges, W4 ranges: the parts of src/data/workbook. */
const range = (s: [number, number], e: [number, number]) => ({ s: { r: s[0], c: s[1] }, e: { r: e[0], c: e[1] } });

describe('W2 a cell as the text the pipeline reads', () => {
  it('numbers to 15 significant digits, never in exponent form', () => {
    expect([0.1 + 0.2, 0.1 + 0.7, 1e21, 1.5e-7, -1234.5, 12345678901234.5, 100, -0.0625].map(numberText)).toEqual(['0.3', '0.8', '1000000000000000000000', '0.00000015', '-1234.5', '12345678901234.5', '100', '-0.0625']);
  });

  it('a percentage format makes `6.2%`; a quoted "%" literal or a second section does not', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0.0;[Red]-0.0%')).toBe(false);
    expect(cellText({ t: 'n', v: 0.062, z: '0%' }, false)).toBe('6.2%');
    expect(cellText({ t: 'n', v: 0.062, z: 'General' }, false)).toBe('0.062');
  });

  it('dates as ISO text, as precise as the format', () => {
    const serial = 44196; // 2020-12-31
    expect(dateText(serial, 'yyyy"年"', false)).toBe('2020');
    expect(dateText(serial, 'yyyy-mm', false)).toBe('2020-12');
    expect(dateText(serial, 'm/d/yy', false)).toBe('2020-12-31');
    expect(dateText(serial + 0.5, 'yyyy-mm-dd hh:mm', false)).toBe('2020-12-31 12:00');
    expect(dateText(serial - 1462, 'yyyy-mm-dd', true)).toBe('2020-12-31');
    expect(cellText({ t: 'n', v: serial, z: 'yyyy/m/d' }, false)).toBe('2020-12-31');
  });

  it('text as written, booleans, errors, nothing for an empty cell', () => {
    expect(cellText({ t: 's', v: '1,300' }, false)).toBe('1,300');
    expect(cellText({ t: 'b', v: true }, false)).toBe('TRUE');
    expect(cellText({ t: 'e', v: 0x07 }, false)).toBe('#DIV/0!');
    expect(cellText({ t: 'z' }, false)).toBe('');
    expect(cellText(undefined, false)).toBe('');
  });
});

describe('W1 merged cells unmerged where they mean it', () => {
  it('a group header is filled across, a merge down is filled down, a title line stays one cell', () => {
    const rows = [
      ['表1 主要指标', '', '', ''],
      ['高新区', '2020年', '', ''],
      ['', '营业收入', '出口总额', '增速'],
      ['郑州', '1', '2', '3'],
      ['资料来源：某年鉴', '', '', ''],
    ];
    unmerge(rows, [range([0, 0], [0, 3]), range([1, 1], [1, 3]), range([1, 0], [2, 0]), range([4, 0], [4, 3])]);
    expect(rows).toEqual([
      ['表1 主要指标', '', '', ''],
      ['高新区', '2020年', '2020年', '2020年'],
      ['高新区', '营业收入', '出口总额', '增速'],
      ['郑州', '1', '2', '3'],
      ['资料来源：某年鉴', '', '', ''],
    ]);
  });

  it('a merge over the whole of Excel fills no more than the grid has', () => {
    const rows = [['郑州', ''], ['', '']];
    unmerge(rows, [range([0, 0], [1_048_575, 16_383])]);
    expect(rows).toEqual([['郑州', ''], ['', '']]);
    const down = [['郑州'], [''], ['']];
    unmerge(down, [range([0, 0], [1_048_575, 0])]);
    expect(down).toEqual([['郑州'], ['郑州'], ['郑州']]);
  });
});

describe('W4 ranges', () => {
  it('counts cells of a range; a reference that cannot be read counts as the whole sheet', () => {
    expect(rangeCells('A1:J9')).toBe(90);
    expect(rangeCells('$B$2')).toBe(1);
    expect(rangeCells('A1:XFD1048576')).toBe(17_179_869_184);
    expect(rangeCells('garbage')).toBe(17_179_869_184);
    expect([0, 25, 26, 701, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'XFD']);
  });
});
