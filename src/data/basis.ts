import type { Basis } from '../domain/types';

/**
 * Reads a basis as sources write it ("reported (preliminary)", "derived from 2020 rank", "预计", "目标").
 * The most specific word wins: "reported (preliminary)" is preliminary. Unknown text → null.
 */
export function readBasis(raw: string): Basis | null {
  const s = raw.trim().toLowerCase();
  if (s === '') return 'reported';
  if (/prelim|初步|快报|初值/.test(s)) return 'preliminary';
  if (/synthetic|合成|演示/.test(s)) return 'synthetic';
  if (/target|目标|力争|计划/.test(s)) return 'target';
  if (/estimat|预计|估算|估计|预测|约/.test(s)) return 'estimate';
  if (/deriv|推算|计算|推导|换算/.test(s)) return 'derived';
  if (/report|发布|公布|公报|实际|统计/.test(s)) return 'reported';
  return null;
}

export { isFinalBasis } from './final-basis';
