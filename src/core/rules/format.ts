/** Made on first use (the CLI's --help builds none), for the rare number the fast path below does not take. */
let grouped: Intl.NumberFormat | undefined;
const intl = (r: number) => (grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })).format(r);

/**
 * Numbers as people read them in reasons and messages: grouped, float noise removed
 * (19.1億 arrives as 1910000000.0000002 after multiplication), at most 6 decimals.
 * Grouped by hand (as Intl would: halves away from zero): Intl's format costs microseconds a call,
 * and every finding and reason calls it.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Number(n.toPrecision(12));
  const s = String(Math.abs(r));
  if (s.includes('e')) return intl(r);
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > 6) {
    const up = frac.charCodeAt(6) >= 53; // '5'
    frac = frac.slice(0, 6);
    if (up) {
      const sum = String(BigInt(int + frac) + 1n).padStart(int.length + 6, '0');
      int = sum.slice(0, sum.length - 6);
      frac = sum.slice(sum.length - 6);
    }
    frac = frac.replace(/0+$/, '');
  }
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  const zero = /^0*$/.test(int) && frac === '';
  return (r < 0 && !zero ? '-' : '') + out + (frac ? `.${frac}` : '');
}
