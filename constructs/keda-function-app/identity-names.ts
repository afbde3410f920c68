import { Fn } from "cdktf";
import { createHash } from "node:crypto";
import { asTerraformString, isToken } from "../core/tokens";

const MAX_FEDERATED_CREDENTIAL_NAME = 120;

/**
 * Default name of the app's user-assigned identity: `id-<name>_<namespace>`. Identity names
 * are unique per resource group, so the namespace is part of it; `_` never occurs in a
 * Kubernetes name, so no other name/namespace pair maps to the same identity name. At most
 * 3 + 45 + 1 + 63 = 112 of the 128 characters Azure allows.
 */
export function identityNameFor(namespace: string, name: string): string {
  return `id-${name}_${namespace}`;
}

/**
 * Name of a federated identity credential of the app's identity: `<prefix>-<namespace>-<serviceAccount>`,
 * with '.' (valid in a ServiceAccount name, not in a credential name) replaced by '-', and cut to
 * Azure's 120 characters with a hash of the full name so two long names stay distinct. Names
 * holding Terraform tokens are cleaned by Terraform's `replace` and `substr` at apply time.
 */
export function federatedCredentialName(prefix: string, namespace: string, serviceAccount: string): string {
  const raw = `${prefix}-${namespace}-${serviceAccount}`;
  if (isToken(raw)) return Fn.substr(Fn.replace(asTerraformString(raw), ".", "-"), 0, MAX_FEDERATED_CREDENTIAL_NAME);
  const cleaned = raw.replace(/\./g, "-");
  if (cleaned.length <= MAX_FEDERATED_CREDENTIAL_NAME) return cleaned;
  const digest = createHash("sha256").update(raw).digest("hex").slice(0, 8);
  return `${cleaned.slice(0, MAX_FEDERATED_CREDENTIAL_NAME - 9)}-${digest}`;
}
