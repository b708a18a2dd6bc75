import { create } from 'zustand';
import type { Catalogue } from '../data/catalogue';
import type { Evaluation } from '../data/evaluations';
import type { TierRule } from '../data/source-tiers';
import type { ImportOptions, ImportResult } from '../data/import-file';
import type { Bilingual, Manifest } from '../data/manifest';
import type { ZoneRegistry } from '../data/registry';
import type { TidyTable } from '../data/table';
import type { DatasetKind, Indicator, Zone } from '../domain/types';
import { DEFAULT_URL_STATE, type UrlState } from './url';

export interface LoadedDataset {
  id: string;
  kind: DatasetKind;
  title: Bilingual;
  /** the latest year (or date) the data describe — for the user's files, read from their data */
  asOf: string;
  /** the user's files: when they were (last) imported, an ISO date */
  importedAt?: string;
  /** a published dataset and the user's files viewed together (`reported+user`): the two ids it joins */
  combines?: [string, string];
  status: 'loading' | 'ready' | 'error';
  error?: string;
  table: TidyTable | null;
  /** one report per file: encoding, shape, issues (observations live in `table`) */
  reports: ImportResult[];
  /** `table` limited to official and media sources, made on first use of the switch (`of` is the table it came from) */
  trusted?: { of: TidyTable; table: TidyTable };
}

export interface DataSlice {
  boot: 'loading' | 'ready' | 'error';
  bootError: string;
  zones: Zone[];
  zonesCsv: string;
  indicators: Indicator[];
  registry: ZoneRegistry | null;
  catalogue: Catalogue | null;
  manifest: Manifest | null;
  /** the evaluations whose ranked count a source states (data/evaluations.json) */
  evaluations: Evaluation[];
  /** source → tier rules (data/source-tiers.json) */
  tierRules: TierRule[];
  datasets: Record<string, LoadedDataset>;
}

export interface ImportPreview {
  name: string;
  bytes: Uint8Array;
  /** the File the bytes were read from, when there is one: the worker reads it instead of a copy */
  file?: Blob;
  options: ImportOptions;
  status: 'running' | 'ready' | 'error';
  /** how far the worker has got, 0…1 (null before it says) */
  progress: number | null;
  error: string;
  result: ImportResult | null;
  table: TidyTable | null;
  /** a file of this name with other bytes is in the workspace: the dialog asks to replace it or keep both */
  conflict?: boolean;
}

export interface ViewSlice {
  notices: { id: number; text: string; kind: 'info' | 'error' }[];
  preview: ImportPreview | null;
}

/** The filters are exactly what the URL holds (docs/architecture.md §4.2): one source of truth for both. */
export type FiltersSlice = UrlState;

export type AppState = DataSlice & ViewSlice & { filters: FiltersSlice };

export const initialState = (): AppState => ({
  boot: 'loading',
  bootError: '',
  zones: [],
  zonesCsv: '',
  indicators: [],
  registry: null,
  catalogue: null,
  manifest: null,
  evaluations: [],
  tierRules: [],
  datasets: {},
  notices: [],
  preview: null,
  filters: { ...DEFAULT_URL_STATE, zones: [] },
});

export const useStore = create<AppState>()(() => initialState());

let noticeId = 1;
export function addNotice(text: string, kind: 'info' | 'error' = 'info') {
  useStore.setState((s) => ({ notices: [...s.notices.slice(-4), { id: noticeId++, text, kind }] }));
}
export function dismissNotice(id: number) {
  useStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function setFilters(patch: Partial<FiltersSlice>) {
  useStore.setState((s) => ({ filters: { ...s.filters, ...patch } }));
}
