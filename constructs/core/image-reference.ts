import { Violation } from "./validation";

// The grammar of distribution/reference (regexp.go): name [":" tag] ["@" digest].
const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const DOMAIN_LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
/** `${...}`: a cdktf token's placeholder or a raw Terraform interpolation. */
const TERRAFORM_EXPRESSION = /\$\{[^}]*\}/g;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** The parts of a valid image reference. */
export interface ImageReferenceParts {
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Parses `value` with the OCI distribution grammar; undefined when it is not a reference. */
export function parseImageReference(value: string): ImageReferenceParts | undefined {
  const match = REFERENCE.exec(value);
  if (match === null || match[1].length > 255) return undefined;
  return { name: match[1], ...(match[2] ? { tag: match[2] } : {}), ...(match[3] ? { digest: match[3] } : {}) };
}

/**
 * A deployable image reference: valid grammar, a version (never `latest` or untagged),
 * and a `sha256` digest of 64 lowercase hex characters when one is given. Values with
 * cdktf tokens (`${...}`) are checked by the parts that are known.
 */
export function checkImageReference(property: string, value: string): Violation | undefined {
  // Wholly a Terraform expression (a variable, a data source): nothing is known before apply.
  if (value.replace(TERRAFORM_EXPRESSION, "") === "" && value !== "") return undefined;
  const known = value
    .replace(/@\$\{[^}]*\}/g, `@sha256:${"0".repeat(64)}`)
    .replace(/\$\{[^}]*\}/g, "token");
  const parts = parseImageReference(known);
  if (parts === undefined) {
    return {
      property,
      value,
      rule: "must be an image reference: [registry/]repository[:tag][@sha256:digest] with a lowercase repository",
      fix: 'use e.g. "myregistry.azurecr.io/app:1.2.3@sha256:<64 hex>"',
    };
  }
  // An expression after the last '/' may carry the tag (`registry/${var.image}`): only Terraform knows.
  const lastPartKnown = !value.slice(value.lastIndexOf("/") + 1).includes("${");
  if (parts.digest === undefined && (parts.tag === undefined || parts.tag === "latest") && lastPartKnown) {
    return {
      property,
      value,
      rule: "must name an immutable version: a tag other than latest, or a digest",
      fix: "pin a content-hash tag or a digest (repository@sha256:...)",
    };
  }
  if (parts.digest !== undefined && parts.digest.startsWith("sha256:") && !/^sha256:[0-9a-f]{64}$/.test(parts.digest)) {
    return { property, value, rule: "a sha256 digest must be 64 lowercase hex characters", fix: "copy the digest from `docker push` or `az acr repository show-manifests`" };
  }
  return undefined;
}
