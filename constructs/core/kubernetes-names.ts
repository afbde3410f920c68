import { Violation } from "./validation";
import { StringCheck, patternCheck } from "./pattern-check";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** DNS-1123 labels up to `maxLength` characters; the default 63 is the label limit of RFC 1123. */
function dnsLabel(maxLength: number): StringCheck {
  return patternCheck({
    pattern: DNS_LABEL,
    maxLength,
    rule: `must be a Kubernetes DNS-1123 label: 1-${maxLength} characters, lowercase letters, digits and '-', starting and ending with a letter or digit`,
    fix: (value) => `use a name such as ${JSON.stringify(suggestDnsLabel(value, maxLength))}`,
  });
}

function dns1035Label(maxLength: number): StringCheck {
  return patternCheck({
    pattern: DNS_1035_LABEL,
    maxLength,
    rule: `must be a Kubernetes DNS-1035 label (it names a Service): 1-${maxLength} characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit`,
    fix: (value) => {
      const suggestion = suggestDnsLabel(value, maxLength).replace(/^[-0-9]+/, "");
      return `use a name such as ${JSON.stringify(suggestion === "" ? "app" : suggestion)}`;
    },
  });
}

const DEFAULT_DNS_LABEL = dnsLabel(63);
const DEFAULT_DNS_1035_LABEL = dns1035Label(63);

/**
 * RFC 1123 label (Service, Namespace, container names): at most 63 lowercase
 * alphanumerics or '-', starting and ending alphanumeric.
 */
export function checkDnsLabel(property: string, value: string, maxLength = 63): Violation | undefined {
  return (maxLength === 63 ? DEFAULT_DNS_LABEL : dnsLabel(maxLength))(property, value);
}

/**
 * RFC 1035 label (Service names): a DNS-1123 label that also starts with a letter, because
 * a Service name becomes a DNS name and an environment variable prefix.
 */
export function checkDns1035Label(property: string, value: string, maxLength = 63): Violation | undefined {
  return (maxLength === 63 ? DEFAULT_DNS_1035_LABEL : dns1035Label(maxLength))(property, value);
}

/** RFC 1123 subdomain (ServiceAccount, Secret, ConfigMap names): at most 253 characters, dot-separated labels. */
export const checkDnsSubdomain: StringCheck = patternCheck({
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  maxLength: 253,
  rule: "must be a Kubernetes DNS-1123 subdomain: 1-253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
  fix: (value) => `use a name such as ${JSON.stringify(suggestDnsLabel(value))}`,
});

/**
 * A key of a Secret's or ConfigMap's data: 1-253 letters, digits, '-', '_' and '.'. App
 * settings become such keys; nested settings use `__` (as `AzureFunctionsJobHost__logging`).
 */
export const checkConfigMapKey: StringCheck = patternCheck({
  pattern: /^[-._a-zA-Z0-9]+$/,
  maxLength: 253,
  rule: "must be a valid Secret/ConfigMap key: 1-253 letters, digits, '-', '_' and '.'",
  fix: (value) => {
    const suggestion = value.replace(/:/g, "__").replace(/[^-._a-zA-Z0-9]+/g, "_").slice(0, 253);
    return `rename the setting, e.g. ${JSON.stringify(suggestion === "" ? "Setting" : suggestion)} (nested settings use "__" instead of ":")`;
  },
});

/** Kubernetes label values: at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends. */
export const checkLabelValue: StringCheck = patternCheck({
  pattern: /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/,
  maxLength: 63,
  rule: "must be a valid Kubernetes label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends",
  fix: "shorten the value and remove other characters",
});

/** A DNS-1123 label made from `value`: lowercased, other characters as '-', cut to `maxLength`. */
export function suggestDnsLabel(value: string, maxLength = 63): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return cleaned === "" ? "app" : cleaned;
}
