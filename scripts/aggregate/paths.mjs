// Where `npm run aggregate` finds its own files and the repo's reference data (docs/scaling.md).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const SQL_FILE = join(HERE, 'to_long.sql');
export const DEFAULT_MAPPING_FILE = join(HERE, 'mapping.json');
