import type { DatasetKind } from '../domain/types';

/**
 * Kept apart from demo-mark.ts (the marks written into and read from files): every view asks this on first
 * paint, the file marks load with import and export.
 *
 * Whether a loaded dataset is demo data: a bundled dataset of kind `demo`, or a user's dataset one of whose
 * files is a demo export brought back in. Every place the app marks demo data asks this.
 */
export function isDemoDataset(d: { kind: DatasetKind; reports?: readonly { synthetic?: boolean }[] } | null | undefined): boolean {
  if (!d) return false;
  return d.kind === 'demo' || (d.reports?.some((r) => r.synthetic === true) ?? false);
}
