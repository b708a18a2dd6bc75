/**
 * Competition ranking ("1-2-2-4"): ties share the best rank, the next rank skips.
 * `better` says whether higher or lower values rank first. Non-finite values get no rank.
 */
export function competitionRanks(values: readonly number[], better: 'higher' | 'lower'): (number | null)[] {
  const idx = values.map((v, i) => i).filter((i) => Number.isFinite(values[i]));
  idx.sort((a, b) => (better === 'higher' ? values[b] - values[a] : values[a] - values[b]));
  const ranks: (number | null)[] = values.map(() => null);
  idx.forEach((i, pos) => {
    const prev = idx[pos - 1];
    ranks[i] = pos > 0 && values[prev] === values[i] ? ranks[prev] : pos + 1;
  });
  return ranks;
}
