import type { ReactNode } from 'react';

/**
 * A scrolling box that keyboard users can reach (Tab, then arrow keys) and screen readers can name:
 * a region with a label, focusable, as WCAG's scrollable-region rule asks.
 */
export function ScrollRegion({ label, short, children }: { label: string; short?: boolean; children: ReactNode }) {
  return (
    <div className={short ? 'table-scroll short' : 'table-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
