/**
 * Numbers as people read them in reasons and messages: grouped, float noise removed
 * (19.1億 arrives as 1910000000.0000002 after multiplication), at most 6 decimals.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return GROUPED.format(Number(n.toPrecision(12)));
}

/** One formatter for all calls: toLocaleString with options builds a new one each time (slow in bulk). */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
