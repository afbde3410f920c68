import { Violation } from "./validation";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * RFC 1123 label (Service, Namespace, container names): at most 63 lowercase
 * alphanumerics or '-', starting and ending alphanumeric.
 */
export function checkDnsLabel(property: string, value: string, maxLength = 63): Violation | undefined {
  if (value.length <= maxLength && DNS_LABEL.test(value)) return undefined;
  return {
    property,
    value,
    rule: `must be a Kubernetes DNS-1123 label: 1-${maxLength} characters, lowercase letters, digits and '-', starting and ending with a letter or digit`,
    fix: `use a name such as ${JSON.stringify(suggestDnsLabel(value, maxLength))}`,
  };
}

/** Kubernetes label values: at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends. */
export function checkLabelValue(property: string, value: string): Violation | undefined {
  if (value.length <= 63 && LABEL_VALUE.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be a valid Kubernetes label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends",
    fix: "shorten the value and remove other characters",
  };
}

export function suggestDnsLabel(value: string, maxLength = 63): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return cleaned === "" ? "app" : cleaned;
}
