import type { DatasetKind } from '../domain/types';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ManifestDataset {
  id: string;
  kind: DatasetKind;
  title: Bilingual;
  files: string[];
  /** the files' table, already imported (src/data/columnar.ts): what the first view reads instead of `files` */
  columnar?: string;
  asOf: string;
  licence: Bilingual;
  description: Bilingual;
}

export interface Manifest {
  datasets: ManifestDataset[];
  default: string;
}

const bilingual = (v: unknown, fallback: string): Bilingual => {
  if (typeof v === 'string') return { zh: v, en: v };
  const o = (v ?? {}) as Partial<Bilingual>;
  return { zh: typeof o.zh === 'string' ? o.zh : fallback, en: typeof o.en === 'string' ? o.en : typeof o.zh === 'string' ? o.zh : fallback };
};

/** Reads data/manifest.json defensively: deployers edit it by hand. Ids are URL-safe or rejected. */
export function parseManifest(json: unknown): Manifest {
  const o = (json ?? {}) as { datasets?: unknown; default?: unknown };
  if (!Array.isArray(o.datasets)) throw new Error('manifest.json: "datasets" must be an array');
  const datasets = o.datasets.map((d: Record<string, unknown>, i: number): ManifestDataset => {
    const id = String(d.id ?? '');
    if (!/^[a-z0-9][a-z0-9_-]{0,40}$/i.test(id)) throw new Error(`manifest.json: dataset ${i + 1} has an invalid id "${id}"`);
    const files = Array.isArray(d.files) ? d.files.map(String) : [];
    const columnar = typeof d.columnar === 'string' ? d.columnar : undefined;
    if ([...files, columnar ?? ''].some((f) => f.includes('..') || /^[a-z]+:/i.test(f) || f.startsWith('/'))) {
      throw new Error(`manifest.json: dataset "${id}" names a file outside data/`);
    }
    // never guessed: a dataset of unknown kind read as `reported` would show synthetic figures unmarked
    const kind = d.kind;
    if (kind !== 'reported' && kind !== 'demo' && kind !== 'user') {
      const given = kind === undefined ? '（缺少 kind / no kind given）' : `${JSON.stringify(kind)?.slice(0, 40) ?? String(kind)}`;
      throw new Error(`data/manifest.json：数据集 "${id}" 的 kind ${given} 无法识别，应为 "reported"（真实数据）或 "demo"（合成数据） / dataset "${id}" has an unknown kind ${given}: expected "reported" (real figures) or "demo" (synthetic data)`);
    }
    return {
      id,
      kind,
      title: bilingual(d.title, id),
      files,
      columnar,
      asOf: typeof d.asOf === 'string' ? d.asOf : '',
      licence: bilingual(d.licence, ''),
      description: bilingual(d.description, ''),
    };
  });
  const def = typeof o.default === 'string' && datasets.some((d) => d.id === o.default) ? o.default : datasets[0]?.id ?? '';
  return { datasets, default: def };
}
