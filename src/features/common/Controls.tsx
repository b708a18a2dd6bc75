import { useMemo } from 'react';
import type { TidyTable } from '../../data/table';
import type { Indicator } from '../../domain/types';
import { indicatorName } from '../../model/format';
import { indicatorsWithData } from '../../model/rankings';
import { useStore } from '../../store/store';
import { useLang, useT } from './hooks';

/** An indicator select listing only indicators with data, each with its count of values. */
export function IndicatorSelect({ table, value, onChange, label, filter, allowNone, noneLabel, testId }: {
  table: TidyTable | null;
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  filter?: (i: Indicator) => boolean;
  allowNone?: boolean;
  noneLabel?: string;
  testId?: string;
}) {
  const t = useT();
  const lang = useLang();
  const catalogue = useStore((s) => s.catalogue);
  const counts = useMemo(() => (table ? indicatorsWithData(table) : new Map<string, number>()), [table]);
  const options = (catalogue?.indicators ?? []).filter((i) => counts.has(i.id) && (!filter || filter(i)));
  return (
    <label>
      {label ?? t('indicator')}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
        {allowNone && <option value="">{noneLabel ?? t('none')}</option>}
        {options.map((i) => (
          <option key={i.id} value={i.id}>
            {indicatorName(i, lang)} ({counts.get(i.id)})
          </option>
        ))}
      </select>
    </label>
  );
}

export function YearSelect({ years, value, onChange, label, testId }: { years: number[]; value: number | null; onChange: (y: number) => void; label?: string; testId?: string }) {
  const t = useT();
  return (
    <label>
      {label ?? t('year')}
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {value !== null && !years.includes(value) && <option value={value}>{value}</option>}
        {[...years].reverse().map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/** From–to years; the pair goes into the URL as `years=2016..2023`. */
export function YearRange({ years, range, onChange }: { years: number[]; range: [number, number]; onChange: (r: [number, number]) => void }) {
  const t = useT();
  return (
    <span className="year-range">
      <YearSelect years={years.filter((y) => y <= range[1])} value={range[0]} label={t('yearFrom')} onChange={(y) => onChange([y, range[1]])} testId="year-from" />
      <YearSelect years={years.filter((y) => y >= range[0])} value={range[1]} label={t('yearTo')} onChange={(y) => onChange([range[0], y])} testId="year-to" />
    </span>
  );
}
