import { useT } from '../common/hooks';

/** ↑3 / ↓2 / = : places gained or lost since the previous year, with a spoken label. */
export function ChangeBadge({ change }: { change: number | null }) {
  const t = useT();
  if (change === null) return null;
  if (change === 0) return <span className="change same" aria-label={t('same')}>=</span>;
  const up = change > 0;
  return (
    <span className={`change ${up ? 'up' : 'down'}`} aria-label={up ? t('up', { n: change }) : t('down', { n: -change })}>
      {up ? '↑' : '↓'}
      {Math.abs(change)}
    </span>
  );
}
