import { Violation } from "./validation";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
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

/**
 * RFC 1035 label (Service names): a DNS-1123 label that also starts with a letter, because
 * a Service name becomes a DNS name and an environment variable prefix.
 */
export function checkDns1035Label(property: string, value: string, maxLength = 63): Violation | undefined {
  if (value.length <= maxLength && DNS_1035_LABEL.test(value)) return undefined;
  const suggestion = suggestDnsLabel(value, maxLength).replace(/^[-0-9]+/, "");
  return {
    property,
    value,
    rule: `must be a Kubernetes DNS-1035 label (it names a Service): 1-${maxLength} characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit`,
    fix: `use a name such as ${JSON.stringify(suggestion === "" ? "app" : suggestion)}`,
  };
}

/** RFC 1123 subdomain (ServiceAccount, Secret, ConfigMap names): at most 253 characters, dot-separated labels. */
export function checkDnsSubdomain(property: string, value: string): Violation | undefined {
  if (value.length <= 253 && DNS_SUBDOMAIN.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be a Kubernetes DNS-1123 subdomain: 1-253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
    fix: `use a name such as ${JSON.stringify(suggestDnsLabel(value))}`,
  };
}

/**
 * A key of a Secret's or ConfigMap's data: 1-253 letters, digits, '-', '_' and '.'. App
 * settings become such keys; nested settings use `__` (as `AzureFunctionsJobHost__logging`).
 */
export function checkConfigMapKey(property: string, value: string): Violation | undefined {
  if (value.length <= 253 && CONFIG_MAP_KEY.test(value)) return undefined;
  const suggestion = value.replace(/:/g, "__").replace(/[^-._a-zA-Z0-9]+/g, "_").slice(0, 253);
  return {
    property,
    value,
    rule: "must be a valid Secret/ConfigMap key: 1-253 letters, digits, '-', '_' and '.'",
    fix: `rename the setting, e.g. ${JSON.stringify(suggestion === "" ? "Setting" : suggestion)} (nested settings use "__" instead of ":")`,
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
