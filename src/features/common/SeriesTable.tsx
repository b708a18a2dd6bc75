import { ScrollRegion } from './ScrollRegion';
import { useT } from './hooks';

interface Point {
  hollow: boolean;
  tooltip: string[];
}

/**
 * The table alternative of a chart over years: one row per zone, one column per year, every cell's
 * provenance in its title, non-final figures in italics. Shared by Trends and Rank trajectories.
 */
export function SeriesTable<P extends Point>({ label, caption, years, series, cell, testId }: {
  label: string;
  caption?: string;
  years: number[];
  series: { id: string; label: string; home: boolean; points: (P | null)[] }[];
  cell: (p: P) => string;
  testId: string;
}) {
  const t = useT();
  return (
    <ScrollRegion label={label}>
      <table className="data-table compact" data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('zone')}</th>
            {years.map((y) => (
              <th scope="col" key={y} className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id} className={s.home ? 'home' : undefined}>
              <th scope="row">{s.label}</th>
              {s.points.map((p, k) => (
                <td key={k} className={`num${p?.hollow ? ' hollow' : ''}`} title={p?.tooltip.join('\n')}>
                  {p ? cell(p) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
