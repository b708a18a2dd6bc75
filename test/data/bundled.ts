import { readFileSync } from 'node:fs';
import { buildCatalogue } from '../../src/data/catalogue';
import { parseIndicatorsJson } from '../../src/data/indicators-json';
import type { ImportContext } from '../../src/data/import-file';
import { buildZoneRegistry } from '../../src/data/registry';
import { parseZonesCsv } from '../../src/data/zones-csv';

/** The real registry and catalogue from data/, as the app loads them. */
export function bundledContext(): ImportContext {
  const zones = parseZonesCsv(readFileSync('data/zones.csv', 'utf8'));
  const indicators = parseIndicatorsJson(JSON.parse(readFileSync('data/indicators.json', 'utf8')));
  return { registry: buildZoneRegistry(zones), catalogue: buildCatalogue(indicators) };
}

export const readBytes = (path: string) => new Uint8Array(readFileSync(path));
export const utf8 = (s: string) => new TextEncoder().encode(s);
