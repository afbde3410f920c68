import { Violation } from "./validation";

// apimachinery's resource.Quantity: <signedNumber><suffix>, suffix a binary SI (Ki..Ei), a
// decimal SI (n, u, m, "", k, M, G, T, P, E) or a decimal exponent (e3, E-2).
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const MULTIPLIERS: Readonly<Record<string, number>> = {
  "": 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a Kubernetes quantity ("250m" → 0.25, "1Gi" → 1073741824); undefined when it does not parse. */
export function parseQuantity(value: string): number | undefined {
  const match = QUANTITY.exec(value);
  if (match === null) return undefined;
  const [, sign, digits, suffix = ""] = match;
  const magnitude = Number(digits) * (/^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : MULTIPLIERS[suffix]);
  return sign === "-" ? -magnitude : magnitude;
}

/** A container resource quantity: parses, and is not negative. */
export function checkResourceQuantity(property: string, value: string, example: string): Violation | undefined {
  const parsed = parseQuantity(value);
  if (parsed !== undefined && parsed >= 0) return undefined;
  return {
    property,
    value,
    rule: "must be a non-negative Kubernetes quantity: a number with an optional suffix (m, k, M, G, Ki, Mi, Gi, ...)",
    fix: `write it like ${JSON.stringify(example)}`,
  };
}
