// Derived data kept per record object: the journal's records are immutable values held in the
// store, so a run page opened again (or a second chart of the same run) reuses the work.
export function perRecord<R extends object, T>(derive: (record: R) => T): (record: R) => T {
  const cache = new WeakMap<R, T>();
  return (record) => {
    const cached = cache.get(record);
    if (cached !== undefined) return cached;
    const value = derive(record);
    cache.set(record, value);
    return value;
  };
}
