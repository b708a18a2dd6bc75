import type { FilterLine } from '../../../charts/export/office-text';
import type { SourceTier } from '../../../data/source-tiers';

/** What every Office export needs besides the charts' specs: the view it comes from and the reader's language. */
export interface OfficeOptions {
  lang: 'zh' | 'en';
  /** the view's title: the deck's title slide, the report's title, the workbook's 说明 sheet */
  title: string;
  /** the filters the view was exported with (charts/export/office-text.ts filterLines) */
  filters: FilterLine[];
  exportedAt: Date;
  /** 官方来源 / Official source …: the source tiers as the app names them (i18n `tier.*`) */
  tierLabel: (tier: SourceTier) => string;
}

/** A chart rendered for a deck or a report: PNG bytes and their size in CSS px (before the scale). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Base64 of bytes, in slices (String.fromCharCode of a 2 MB PNG at once overflows the call stack). */
export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
