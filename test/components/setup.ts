import { readFileSync } from 'node:fs';
import { buildCatalogue } from '../../src/data/catalogue';
import { parseIndicatorsJson } from '../../src/data/indicators-json';
import { importFile } from '../../src/data/import-file';
import { buildZoneRegistry } from '../../src/data/registry';
import { parseZonesCsv } from '../../src/data/zones-csv';
import { concatTables } from '../../src/data/table-builder';
import { initialState, useStore } from '../../src/store/store';
import type { UrlState } from '../../src/store/url';
import { parseEvaluationsJson } from '../../src/data/evaluations';

/** Puts the store in the state the app reaches after boot, with the given files as the `reported` dataset. */
export function seedStore(files: string[], filters: Partial<UrlState> = {}) {
  const zonesCsv = readFileSync('data/zones.csv', 'utf8');
  const zones = parseZonesCsv(zonesCsv);
  const indicators = parseIndicatorsJson(JSON.parse(readFileSync('data/indicators.json', 'utf8')));
  const registry = buildZoneRegistry(zones);
  const catalogue = buildCatalogue(indicators);
  const evaluations = parseEvaluationsJson(JSON.parse(readFileSync('data/evaluations.json', 'utf8')));
  const results = files.map((f) => importFile(f, new Uint8Array(readFileSync(f)), { registry, catalogue }));
  const base = initialState();
  useStore.setState({
    ...base,
    boot: 'ready',
    zones,
    zonesCsv,
    indicators,
    registry,
    catalogue,
    evaluations,
    manifest: { default: 'reported', datasets: [{ id: 'reported', kind: 'reported', title: { zh: '公开发布数据', en: 'Published' }, files, asOf: '2025-11-08', licence: { zh: '', en: '' }, description: { zh: '', en: '' } }] },
    datasets: {
      reported: { id: 'reported', kind: 'reported', title: { zh: '公开发布数据', en: 'Published' }, asOf: '2025-11-08', status: 'ready', table: concatTables(results.map((r) => r.table)), reports: results },
    },
    filters: { ...base.filters, ...filters },
  });
}
