import { Token } from "cdktf";
import { Violation } from "../core/validation";

/**
 * Parts of a connection string or URL that carry a credential: storage account keys,
 * Service Bus / Event Hubs SAS keys, SAS tokens, passwords and client secrets.
 */
const CREDENTIAL_PART = /(?:^|[;?&\s])(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|sig)\s*=/i;

/**
 * `settings` are literals in the Terraform JSON, the state and (by default) a ConfigMap, so a
 * credential there is readable by anyone who can read any of them. Terraform references
 * (tokens) are not literals and pass: their value exists only in state and in the object.
 */
export function literalCredentialSetting(settings: Readonly<Record<string, string>>): Violation | undefined {
  const entry = Object.entries(settings).find(([, value]) => !Token.isUnresolved(value) && CREDENTIAL_PART.test(value));
  if (entry === undefined) return undefined;
  return {
    property: `settings.${entry[0]}`,
    value: "<redacted: holds a credential>",
    rule: "must not hold a literal credential (a key, SAS token or password): settings are plain text in the Terraform JSON, the state and the settings object",
    fix: `use workload identity (storage, connections), or keep the value in a Secret you manage and pass existingSettings: [{ kind: "Secret", name: "<secret>" }]`,
  };
}
