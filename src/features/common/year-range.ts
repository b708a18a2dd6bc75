import { useMemo } from 'react';
import type { TidyTable } from '../../data/table';
import type { Indicator } from '../../domain/types';
import { yearsOf } from '../../model/series';

/** The years an indicator has, and the from–to range the URL asks for, clipped to them. */
export function useYearRange(table: TidyTable | null, ind: Indicator | null, asked: [number, number] | null): { allYears: number[]; range: [number, number] | null } {
  const allYears = useMemo(() => (table && ind ? yearsOf(table, ind.id) : []), [table, ind]);
  const first = allYears[0];
  const last = allYears[allYears.length - 1];
  const range: [number, number] | null = allYears.length ? [Math.max(asked?.[0] ?? first, first), Math.min(asked?.[1] ?? last, last)] : null;
  return { allYears, range };
}
