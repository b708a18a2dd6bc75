import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIndicatorsJson } from '../../src/data/indicators-json';
import { INDICATOR_KEYS, checkIndicators, indicatorNameKey, summariseProblems } from '../../src/data/indicator-schema.mjs';

/*
 * The catalogue rules shared by the app and the data build (src/data/indicator-schema.mjs). The build's side —
 * data/sources/indicators.json, placeholders, the failing build — is in test/scripts/build-data/catalogue.test.ts.
 */
const published = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as Record<string, unknown>[];
const gdp = () => structuredClone(published.find((x) => x.id === 'gdp')!);
const FILE = 'data/sources/indicators.json';
const strict = (json: unknown) => checkIndicators(json, { file: FILE, complete: true });

describe('the published catalogue', () => {
  it('passes the strict rules with no problem and keeps every field in order', () => {
    const { indicators, problems } = strict(published);
    expect(problems).toEqual([]);
    expect(indicators).toHaveLength(71);
    expect(indicators).toEqual(published);
    expect(Object.keys(indicators[0])).toEqual(INDICATOR_KEYS);
  });

  it('is what the app loads', () => {
    expect(parseIndicatorsJson(published)).toEqual(published);
  });
});

describe('a bad entry is named by file, id, entry number and reason', () => {
  const cases: [string, (o: Record<string, unknown>) => void, string][] = [
    ['a kind outside the list', (o) => (o.kind = 'amout'), '"kind" is "amout", expected one of rank, amount, rate, count, ratio'],
    ['better spelt otherwise', (o) => (o.better = 'up'), '"better" is "up", expected "higher" or "lower"'],
    ['decimals not a whole number', (o) => (o.decimals = 1.5), '"decimals" is 1.5, expected a whole number 0–6'],
    ['decimals too many', (o) => (o.decimals = 7), '"decimals" is 7'],
    ['bandsAllowed as text', (o) => (o.bandsAllowed = 'yes'), '"bandsAllowed" is "yes", expected true or false'],
    ['aliases as one string', (o) => (o.aliases = 'GDP'), '"aliases" is "GDP", expected a list of names'],
    ['an empty alias', (o) => (o.aliases = ['GDP', ' ']), '"aliases" is ["GDP"," "]'],
    ['an empty English name', (o) => (o.en = ''), '"en" is "", expected the English name'],
    ['a field unknown', (o) => (o.note = 'x'), 'unknown field "note" (allowed: id, zh, en, aliases, unit, unitEn, better, kind, decimals, bandsAllowed, group, definition)'],
    ['a missing field', (o) => delete o.group, 'missing "group" (the group as text)'],
    ['an empty definition source', (o) => ((o.definition as { source: string }).source = ''), 'definition.source is empty, expected text'],
    ['a definition as text', (o) => (o.definition = 'GDP'), '"definition" is "GDP", expected an object with zh, en and source'],
  ];
  for (const [what, spoil, reason] of cases) {
    it(what, () => {
      const bad = gdp();
      spoil(bad);
      const { problems } = strict([published[0], bad]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`${FILE}: indicator "gdp" (entry 2): ${reason}`);
    });
  }

  it('a mistyped field: both the unknown name and the missing field', () => {
    const bad = gdp();
    bad.unitEN = bad.unitEn;
    delete bad.unitEn;
    expect(strict([bad]).problems).toEqual([
      `${FILE}: indicator "gdp" (entry 1): unknown field "unitEN" (allowed: ${INDICATOR_KEYS.join(', ')})`,
      `${FILE}: indicator "gdp" (entry 1): missing "unitEn" (the English unit as text)`,
    ]);
  });

  it('an id that is no slug, quoting the id as written', () => {
    const bad = { ...gdp(), id: 'GDP total' };
    expect(strict([bad]).problems).toEqual([
      `${FILE}: indicator "GDP total" (entry 1): "id" is "GDP total", expected lowercase letters, digits and _, starting with a letter`,
    ]);
  });

  it('an entry that is not an object, and a file that is not a list', () => {
    expect(strict([published[0], 'gdp']).problems).toEqual([`${FILE}: indicator (no id) (entry 2): expected an object { "id": …, "zh": … }, got "gdp"`]);
    expect(strict({ gdp: {} }).problems).toEqual([`${FILE}: expected a list of indicators ([ … ]), got object`]);
  });

  it('an id used twice', () => {
    const { problems } = strict([gdp(), gdp()]);
    expect(problems[0]).toBe(`${FILE}: indicator "gdp" (entry 2): the id is used by an earlier entry too`);
  });

  it('a name that two indicators share, also when written in full-width letters or with spaces', () => {
    const growth = structuredClone(published.find((x) => x.id === 'gdp_growth')!);
    growth.aliases = ['ＧＤＰ', 'zone  gdp'];
    const { problems } = strict([gdp(), growth]);
    expect(problems).toEqual([
      `${FILE}: indicator "gdp_growth" (entry 2): the name "gdp" is also a name of "gdp"`,
      `${FILE}: indicator "gdp_growth" (entry 2): the name "zonegdp" is also a name of "gdp"`,
    ]);
  });
});

describe('the app is lenient about missing optional fields only', () => {
  it('fills a missing optional field with its default', () => {
    const [x] = parseIndicatorsJson([{ id: 'jobs', zh: '就业人数', unit: '万人' }]);
    expect(x).toEqual({
      id: 'jobs', zh: '就业人数', en: 'jobs', aliases: [], unit: '万人', unitEn: '万人', better: 'higher', kind: 'amount',
      decimals: 1, bandsAllowed: false, group: '', definition: { zh: '', en: '', source: '' },
    });
    // the build, by contrast, wants every field
    const missing = strict([{ id: 'jobs', zh: '就业人数', unit: '万人' }]).problems.map((p) => p.match(/: missing "(\w+)"/)?.[1]);
    expect(missing).toEqual(['en', 'aliases', 'unitEn', 'better', 'kind', 'decimals', 'bandsAllowed', 'group', 'definition']);
  });

  it('still refuses a missing id or name and a wrong value, naming the file', () => {
    expect(() => parseIndicatorsJson([{ zh: '就业人数' }])).toThrow('indicators.json: indicator (no id) (entry 1): missing "id"');
    expect(() => parseIndicatorsJson([{ id: 'jobs' }])).toThrow('indicators.json: indicator "jobs" (entry 1): missing "zh" (the Chinese name)');
    expect(() => parseIndicatorsJson([{ id: 'jobs', zh: '就业人数', kind: 'money' }])).toThrow('"kind" is "money"');
  });

  it('cuts a long list of problems after ten, saying how many more', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `x${i}` }));
    const message = (() => {
      try {
        parseIndicatorsJson(many);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message.split('\n')).toHaveLength(11);
    expect(message.endsWith('… and 15 more')).toBe(true);
    expect(summariseProblems(['a', 'b'])).toBe('a\nb');
  });
});

describe('indicatorNameKey', () => {
  it('ignores width, case, white space and quotation marks, nothing else', () => {
    expect(indicatorNameKey('Ｒ＆Ｄ 经费　投入')).toBe('r&d经费投入');
    expect(indicatorNameKey('专精特新“小巨人”')).toBe(indicatorNameKey('专精特新小巨人'));
    expect(indicatorNameKey('工业增加值(>)')).not.toBe(indicatorNameKey('工业增加值'));
  });
});
