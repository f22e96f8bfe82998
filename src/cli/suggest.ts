/**
 * "Did you mean": the known word closest to what was typed, by edit distance (a swap of two
 * neighbouring characters counts as one edit), compared without case and width differences.
 * Nothing is suggested when every candidate is further than about a third of the word.
 */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  const t = fold(typed);
  let best: { word: string; d: number } | undefined;
  for (const c of candidates) {
    const f = fold(c);
    const d = f.startsWith(t) && t.length >= 3 ? 1 : distance(t, f);
    if (!best || d < best.d) best = { word: c, d };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(fold(best.word).length, t.length) / 3));
  return best.d <= limit ? best.word : undefined;
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/^-+/, '');
}

/** Optimal string alignment distance. */
export function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}
