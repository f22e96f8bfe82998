/**
 * `make(key)` worked out once per key object and kept as long as the key lives (a WeakMap): one
 * view per sheet grid, one compiled form per scale, one zod schema per scale or cell rule.
 */
export function oncePer<K extends object, V>(make: (key: K) => V): ((key: K) => V) & { seed(key: K, value: V): void } {
  const kept = new WeakMap<K, V>();
  const get = (key: K): V => {
    let v = kept.get(key);
    if (v === undefined) {
      v = make(key);
      kept.set(key, v);
    }
    return v;
  };
  // What `make` would give, worked out another way (a sheet's view from the view before an edit).
  return Object.assign(get, { seed: (key: K, value: V) => void kept.set(key, value) });
}

/**
 * `make(text)` worked out once per distinct text: a workbook repeats its texts (departments, ratings,
 * indicator names, labels) on thousands of rows. The table is emptied past `limit` entries, so a
 * long session of many workbooks does not grow it without end.
 */
export function oncePerText<V>(make: (text: string) => V, limit = 20000): (text: string) => V {
  const kept = new Map<string, V>();
  return (text) => {
    if (kept.has(text)) return kept.get(text)!;
    const v = make(text);
    if (kept.size >= limit) kept.clear();
    kept.set(text, v);
    return v;
  };
}
