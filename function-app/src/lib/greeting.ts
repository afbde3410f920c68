import { isJsonContentType } from "./content-type";

/** Who `hello` greets when no name is given (as in the `func new` HTTP template). */
export const DEFAULT_NAME = "world";
/** Longest name `hello` accepts. */
export const MAX_NAME_LENGTH = 100;

/** The parts of an HTTP request that carry a name. */
export interface NameSource {
  /** The `name` query parameter, or null. */
  readonly query: string | null;
  /** The request body as text ("" when there is none). */
  readonly body: string;
  /** The Content-Type header, or null. */
  readonly contentType: string | null;
}

export type NameResult = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly problem: string };

/**
 * Finds the name to greet: the `name` query parameter first, then the body: `{"name": "..."}` when it is JSON,
 * otherwise the whole text body; `world` when neither has one.
 */
export function nameFrom(source: NameSource): NameResult {
  const fromQuery = clean(source.query ?? "");
  if (fromQuery !== "") return checked(fromQuery);

  const body = source.body.trim();
  if (body === "") return { ok: true, name: DEFAULT_NAME };

  // A JSON content type must carry JSON; without one, a body that parses as a JSON object is read as JSON anyway
  // (curl -d sends application/x-www-form-urlencoded, fetch sends text/plain).
  const declaredJson = isJsonContentType(source.contentType);
  if (declaredJson || body.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      if (declaredJson) return { ok: false, problem: 'The body is not valid JSON; send {"name": "..."} or a plain-text name.' };
      return checked(clean(body));
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { ok: false, problem: 'The JSON body must be an object like {"name": "..."}.' };
    }
    const name = (parsed as { name?: unknown }).name;
    if (name === undefined || name === null) return { ok: true, name: DEFAULT_NAME };
    if (typeof name !== "string") return { ok: false, problem: `"name" must be a string, got ${typeof name}.` };
    const cleaned = clean(name);
    return cleaned === "" ? { ok: true, name: DEFAULT_NAME } : checked(cleaned);
  }
  return checked(clean(body));
}

/** The greeting text. */
export function greeting(name: string): string {
  return `Hello, ${name}!`;
}

function checked(name: string): NameResult {
  return name.length > MAX_NAME_LENGTH ? { ok: false, problem: `The name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}.` } : { ok: true, name };
}

/** Replaces control characters (newlines, tabs, ...) by a space and trims, so a name cannot forge log lines. */
function clean(value: string): string {
  return value.replace(/\p{Cc}+/gu, " ").trim();
}
