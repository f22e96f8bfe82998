/**
 * What a queued call costs in the request office.js sends, so a sync can be kept under Excel on the
 * web's 5 MB. office.js serialises each sync as JSON: every object the sync touches is an object
 * path (`{"Id":…,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":…,"ArgumentInfo":
 * {"Arguments":["H3:H40"]}}`) with an Instantiate action, and every property set or method call is
 * an action carrying its arguments. The constants below were measured on office.js 1.1.110's own
 * serialiser (test/adapters/officejs-request-size.test.ts checks that these estimates stay at or
 * above what office.js really builds, and not far above it).
 */

/** UTF-8 bytes of a value as JSON (what travels; Japanese text costs 3 bytes a character). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** An object path plus its Instantiate action, ids of up to 7 digits, separators included. */
export const PATH_BYTES = 170;
/** A property-set or method action without its arguments. */
export const ACTION_BYTES = 110;

/** Excel on the web refuses a request over 5 MB; batches aim well below (ids grow, estimates err). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_REQUEST_BUDGET = 3_500_000;

/** Paths, actions and the workbook root that every sync carries once. */
export const SYNC_BYTES = 1_000;

/** office.js sends a 2-D array of more than 1,500 cells as row blocks, each two extra paths (getRow/getBoundingRect). */
const OFFICE_JS_BLOCK_CELLS = 1500;

/** A range by address with properties set to the arguments given. */
export function rangeWriteBytes(address: string, args: unknown[]): number {
  return (
    PATH_BYTES +
    jsonBytes(address) +
    args.reduce<number>((n, a) => {
      const cells = Array.isArray(a) ? a.reduce<number>((k, row) => k + (Array.isArray(row) ? row.length : 1), 0) : 1;
      const blocks = cells > OFFICE_JS_BLOCK_CELLS ? Math.ceil(cells / OFFICE_JS_BLOCK_CELLS) : 0;
      return n + ACTION_BYTES + jsonBytes(a) + blocks * (4 * PATH_BYTES + ACTION_BYTES);
    }, 0)
  );
}

/**
 * A range by address whose properties are loaded (the request side only). Inside Excel.run office.js
 * also keeps a reference to every loaded range: one more Instantiate and a _KeepReference action.
 */
export function rangeLoadBytes(address: string, props: string[]): number {
  return PATH_BYTES + jsonBytes(address) + 2 * ACTION_BYTES + 60 + jsonBytes(props);
}

/** Groups items into batches whose estimated bytes stay within `budget` (an item larger than it goes alone). */
export function batchBySize<T>(items: T[], bytes: (t: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let total = 0;
  for (const it of items) {
    const b = bytes(it);
    if (cur.length > 0 && total + b > budget) {
      out.push(cur);
      cur = [];
      total = 0;
    }
    cur.push(it);
    total += b;
  }
  if (cur.length) out.push(cur);
  return out;
}
