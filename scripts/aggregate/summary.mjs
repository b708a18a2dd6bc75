// What `npm run aggregate` prints when a run ends (docs/scaling.md).

/**
 * The summary, as the command prints it.
 * @param {import('./run.mjs').RunResult} r @param {number} minFirms
 */
export function formatSummary(r, minFirms) {
  const s = r.summary;
  const n = (x) => (x ?? 0).toLocaleString('en');
  const lines = [
    `rows read ${n(s.rows_read)} · firms ${n(s.firms)} (${n(s.firm_years)} firm-years in matched zones) · zones ${n(s.zones)} · years ${n(s.years)}${s.first_year ? ` (${s.first_year}–${s.last_year})` : ''} · ${r.seconds.toFixed(1)} s, peak memory ${r.peakMB.toFixed(0)} MB`,
    `wrote ${n(s.values_written)} values to ${r.out}`,
    `suppressed (fewer than ${minFirms} firms): ${n(s.suppressed_values)} values, of which ${n(s.suppressed_cells)} whole zone-year cells`,
  ];
  if (s.duplicate_rows) lines.push(`note: ${n(s.duplicate_rows)} rows repeat a firm within its zone and year; they are summed, counted once as a firm`);
  if (s.rows_without_year) lines.push(`note: ${n(s.rows_without_year)} rows have no readable year and were left out`);
  if (r.unmatched.length) {
    lines.push(`unmatched zone names (${n(s.unmatched_rows)} rows left out; fix the name or add an alias to data/zones.csv):`);
    for (const u of r.unmatched.slice(0, 50)) lines.push(`  ${u.name || '(empty)'}\t${n(u.rows)} rows`);
    if (r.unmatched.length > 50) lines.push(`  … and ${r.unmatched.length - 50} more`);
  } else lines.push('unmatched zone names: none');
  return lines.join('\n');
}
