/**
 * `make(key)` worked out once per key object and kept as long as the key lives (a WeakMap): one
 * view per sheet grid, one compiled form per scale, one zod schema per scale or cell rule.
 */
export function oncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    let v = kept.get(key);
    if (v === undefined) {
      v = make(key);
      kept.set(key, v);
    }
    return v;
  };
}
