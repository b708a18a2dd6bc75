// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { citation, expandCitations, loadCatalogue, nameLookup } from '../../../scripts/build-data/catalogue.mjs';

/* The indicator catalogue's build step: data/sources/indicators.json → data/indicators.json (docs/architecture.md §2). */
const FILE = 'data/sources/indicators.json';
const sourceText = readFileSync(FILE, 'utf8');
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const tables = { torch: csv('data/sources/torch_statistical_indicators.csv'), system: csv('data/sources/indicator_system.csv') };
type Loaded = { catalogue: { id: string; definition: { source: string } }[]; lookup: Map<string, string>; problems: string[] };
const load = (text: string): Loaded => loadCatalogue(text, FILE, tables);
/** The source file with one entry changed. */
const edited = (id: string, change: (o: Record<string, unknown>) => void) => {
  const list = JSON.parse(sourceText) as Record<string, unknown>[];
  change(list.find((x) => x.id === id)!);
  return JSON.stringify(list, null, 2);
};

describe('the source catalogue', () => {
  it('builds exactly the published data/indicators.json', () => {
    const { catalogue, problems } = load(sourceText);
    expect(problems).toEqual([]);
    expect(JSON.stringify(catalogue, null, 2) + '\n').toBe(readFileSync('data/indicators.json', 'utf8'));
  });

  it('leaves no placeholder in the published file', () => {
    const { catalogue } = load(sourceText);
    expect(catalogue.filter((x) => /\{(torch|system):/.test(x.definition.source)).map((x) => x.id)).toEqual([]);
    // and the source really uses them (otherwise this test proves nothing)
    expect(sourceText.match(/\{torch:/g)?.length).toBeGreaterThan(20);
  });

  it('resolves every name of an indicator to its id, ignoring width and spaces', () => {
    const { catalogue } = load(sourceText);
    const lookup: Map<string, string> = nameLookup(catalogue);
    expect(lookup.get('gdp')).toBe('gdp');
    expect(lookup.get('园区生产总值')).toBe('gdp');
    expect(lookup.get('r&d经费投入强度')).toBe('rd_ratio');
  });
});

describe('citation placeholders', () => {
  it('expand a Torch row by the start of its name and a system row by its whole name', () => {
    expect(citation('torch', '园区生产总值', tables).text).toMatch(/^火炬统计指标 Torch statistical indicator「园区生产总值 \(zone GDP, 全口径\)」\(data\/sources\/torch_statistical_indicators\.csv\): http/);
    expect(citation('system', '知识创造和技术创新能力', tables).text).toMatch(/「知识创造和技术创新能力」 \(.+\) \(data\/sources\/indicator_system\.csv\): /);
    const { text, problems } = expandCitations('{torch:净利润} ; see also {system:总绿地率}', tables);
    expect(problems).toEqual([]);
    expect(text).toContain('「净利润 (net profit; older tables: 实现利润)」');
    expect(text).toContain(' ; see also ');
  });

  it('report a placeholder that matches no row, several rows or no table', () => {
    expect(expandCitations('{torch:园区总值}', tables).problems).toEqual(['{torch:园区总值} matches 0 rows of torch_statistical_indicators.csv (must be exactly one)']);
    expect(expandCitations('{torch:}', tables).problems[0]).toMatch(/^\{torch:\} matches 14 rows/);
    expect(expandCitations('{system:知识创造}', tables).problems[0]).toContain('matches 0 rows of indicator_system.csv');
    expect(expandCitations('{torhc:园区生产总值}', tables).problems).toEqual(['{torhc:园区生产总值} is no known placeholder (use {torch:…} or {system:…})']);
  });

  it('a bad placeholder in the source is named with the file and the indicator', () => {
    const { problems } = load(edited('gdp', (o) => ((o.definition as { source: string }).source = '{torch:园区总值}')));
    expect(problems).toEqual([`${FILE}: indicator "gdp" (entry 12): definition.source: {torch:园区总值} matches 0 rows of torch_statistical_indicators.csv (must be exactly one)`]);
  });
});

describe('a bad source file', () => {
  it('that is no JSON: the message gives the line', () => {
    const broken = sourceText.replace('"id": "gdp",', '"id": "gdp"');
    const line = sourceText.slice(0, sourceText.indexOf('"id": "gdp",')).split('\n').length + 1;
    const { problems } = load(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${FILE}: not valid JSON: .*\\(line ${line}\\)$`));
  });

  it('with a bad entry: the shared rules name the file, the id and the reason', () => {
    const { problems } = load(edited('patent_apps', (o) => (o.kind = 'number')));
    expect(problems).toEqual([`${FILE}: indicator "patent_apps" (entry 37): "kind" is "number", expected one of rank, amount, rate, count, ratio`]);
  });
});

describe('npm run data:build', () => {
  const script = resolve('scripts/build-data.mjs');
  const work = mkdtempSync(join(tmpdir(), 'build-data-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  /** Runs the build in a copy of data/ (the script works relative to the current folder), with the catalogue given. */
  const build = (catalogueText: string) => {
    const dir = mkdtempSync(join(work, 'run-'));
    cpSync('data/sources', join(dir, 'data/sources'), { recursive: true });
    cpSync('data/zones.csv', join(dir, 'data/zones.csv'));
    writeFileSync(join(dir, FILE), catalogueText);
    const run = spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
    return { ...run, dir };
  };

  it('succeeds on the source as it is and writes the published catalogue', () => {
    const run = build(sourceText);
    expect(run.stderr).not.toContain('ERROR');
    expect(run.status).toBe(0);
    expect(readFileSync(join(run.dir, 'data/indicators.json'), 'utf8')).toBe(readFileSync('data/indicators.json', 'utf8'));
  });

  it('fails on a bad entry, naming the file, the indicator id and the reason', () => {
    const run = build(edited('gdp_growth', (o) => (o.better = 'more')));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`ERROR: ${FILE}: indicator "gdp_growth" (entry 13): "better" is "more", expected "higher" or "lower"`);
    expect(run.stderr).toContain('build-data: 1 error(s)');
  });

  it('fails when a source table uses a name the catalogue lost', () => {
    // 园区生产总值 is how national_aggregates.csv names zone GDP: without the alias its rows cannot be placed
    const run = build(edited('gdp', (o) => (o.aliases = (o.aliases as string[]).filter((a) => a !== '园区生产总值'))));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ERROR: indicator name not in the catalogue: national_aggregates\.csv row \d+: "园区生产总值"/);
  });
});
