import type { Basis } from '../domain/types';

// Apart from basis.ts (the importer's reader of basis text): every chart asks this on first paint.
/**
 * A figure drawn solid: published (`reported`) or final within the demo's fiction (`synthetic`). Derived,
 * estimated, preliminary and target figures are drawn hollow.
 */
export const isFinalBasis = (b: Basis | string | null | undefined) => b === 'reported' || b === 'synthetic';
