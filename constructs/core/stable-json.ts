import { byCodePoint } from "./ordering";

/** A copy of `value` with every object's keys sorted, so JSON and YAML output is byte-stable. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([k, v]) => [k, sortKeysDeep(v)]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}
