import { useT } from './hooks';

export interface MarksShown {
  /** empty circles: derived, estimated, preliminary or target figures */
  hollow?: boolean;
  /** ⚠: sources disagree */
  conflict?: boolean;
  /** ↑3 / ↓2 beside a place: since the year before, or (`ranked`) since the zone's previous ranked year */
  change?: boolean | 'ranked';
  /** 前50: a place published only as a band */
  band?: boolean;
}

/**
 * The key to the marks a chart draws, on screen beside it (not only in the export's notes): only the marks
 * this chart shows, in words a reader can quote.
 */
export function MarkLegend({ hollow, conflict, change, band }: MarksShown) {
  const t = useT();
  const items = [hollow && t('legendHollow'), conflict && t('legendConflict'), change && t(change === 'ranked' ? 'legendChangeRanked' : 'legendChange'), band && t('legendBand')].filter(Boolean);
  if (!items.length) return null;
  return (
    <p className="mark-legend muted small" data-testid="mark-legend">
      {items.join(' · ')}
    </p>
  );
}
