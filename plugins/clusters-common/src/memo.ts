/**
 * `compute` remembered by its string argument, for parsers called with the same few strings over
 * and over (resource quantities such as `100m` or `128Mi`, timestamps shared by many pods): a view
 * of a service with thousands of pods parses each of them on every request otherwise. Bounded:
 * once `maxEntries` strings are remembered, the memory starts over.
 */
export function memoByString<V>(
  compute: (text: string) => V,
  maxEntries: number,
): (text: string) => V {
  const remembered = new Map<string, V>();
  return text => {
    const found = remembered.get(text);
    if (found !== undefined || remembered.has(text)) return found as V;
    const value = compute(text);
    if (remembered.size >= maxEntries) remembered.clear();
    remembered.set(text, value);
    return value;
  };
}
