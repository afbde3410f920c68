/**
 * Orders strings by UTF-16 code unit, the same on every machine and locale. Everything this
 * project sorts for its output (keys, names, findings) uses it, so output never depends on
 * the locale `localeCompare` would pick up.
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
