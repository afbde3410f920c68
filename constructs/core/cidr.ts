/** An IPv4 range in CIDR notation, as two 32-bit unsigned bounds. */
export interface Ipv4Range {
  readonly first: number;
  readonly last: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function toNumber(octets: readonly string[]): number | undefined {
  const values = octets.map(Number);
  if (values.some((v) => v > 255)) return undefined;
  return values.reduce((acc, v) => acc * 256 + v, 0);
}

/** Parses `a.b.c.d/n`; undefined when it is not a valid IPv4 CIDR. */
export function parseCidr(cidr: string): Ipv4Range | undefined {
  const match = CIDR.exec(cidr);
  if (match === null) return undefined;
  const base = toNumber(match.slice(1, 5));
  const bits = Number(match[5]);
  if (base === undefined || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const first = Math.floor(base / size) * size;
  return { first, last: first + size - 1 };
}

/** Parses a plain IPv4 address as a one-address range. */
export function parseAddress(address: string): Ipv4Range | undefined {
  const match = ADDRESS.exec(address);
  if (match === null) return undefined;
  const value = toNumber(match.slice(1, 5));
  return value === undefined ? undefined : { first: value, last: value };
}

export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function contains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}
