// Growing the typed-array columns of the log's in-memory index: append-only, so each grows by doubling.

type Column = Float64Array | Int32Array | Uint32Array | Uint8Array;

/**
 * `array` itself when it already holds `size` elements, else a copy at least twice as long (at least 1024)
 * whose new elements are `fill` (0 by default).
 */
export function grownTo<T extends Column>(array: T, size: number, fill = 0): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}
