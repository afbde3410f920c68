import { Fn } from "cdktf";
import { createHash } from "node:crypto";
import { asTerraformString, isToken } from "../core/tokens";
import { StringCheck, patternCheck } from "../core/pattern-check";

// The Functions host's HostIdValidator: 1-32 lowercase letters, digits and single dashes,
// no dash at either end (the id prefixes queue names such as azure-webjobs-blobtrigger-<id>).
const HOST_ID = /^(?=.{1,32}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_HOST_ID_LENGTH = 32;
const DIGEST_LENGTH = 8;

/**
 * The host id every pod of one app shares (`AzureFunctionsWebHost__hostid`): the app name
 * (up to 23 characters) and 8 hex characters of SHA-256 over `<namespace>/<name>`. Two apps
 * of the same name in different namespaces on one storage account therefore keep apart their
 * timer schedules, singleton locks and blob receipts. A namespace that is a Terraform token
 * gets the same digest from Terraform's `sha256` at apply time.
 */
export function hostIdFor(namespace: string, name: string): string {
  const prefix = name
    .replace(/-+/g, "-")
    .slice(0, MAX_HOST_ID_LENGTH - DIGEST_LENGTH - 1)
    .replace(/-+$/, "");
  const key = `${namespace}/${name}`;
  const digest = isToken(key) ? Fn.substr(Fn.sha256(asTerraformString(key)), 0, DIGEST_LENGTH) : createHash("sha256").update(key).digest("hex").slice(0, DIGEST_LENGTH);
  return `${prefix}-${digest}`;
}

/** A host id the Functions host accepts (HostIdValidator.IsValid). */
export const checkHostId: StringCheck = patternCheck({
  pattern: HOST_ID,
  rule: "must be a Functions host id: 1-32 lowercase letters, digits and '-', no '-' at either end and no '--'",
  fix: "omit hostId to derive one from name and namespace, or shorten and lowercase it",
});

/**
 * The host id version 0.1.0 derived: the bare name (hashed beyond 32 characters, with the
 * namespace ignored for shorter names). For a stack that holds one app on its own storage
 * account, where it cannot collide and keeps the app's timer and blob-receipt state.
 * Undefined when that id is not one the host accepts (e.g. a name with "--").
 */
export function legacyHostId(namespace: string, name: string): string | undefined {
  const id =
    name.length <= MAX_HOST_ID_LENGTH
      ? name
      : `${name.slice(0, 23).replace(/-+$/, "")}-${createHash("sha256").update(`${namespace}/${name}`).digest("hex").slice(0, DIGEST_LENGTH)}`;
  return HOST_ID.test(id) ? id : undefined;
}
