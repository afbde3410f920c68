import { readFileSync } from "node:fs";
import { byCodePoint } from "../core/ordering";

/**
 * A trigger binding as the Functions host sees it: `type` plus the options the app
 * passed (`queueName`, `connection`, `authLevel`, ...), in function.json's camelCase.
 */
export interface TriggerBinding {
  readonly type: string;
  readonly [option: string]: unknown;
}

/** One function of the app and the binding that triggers it. */
export interface FunctionMetadata {
  readonly name: string;
  readonly trigger: TriggerBinding;
}

/** The functions an app registers, as written to `functions.manifest.json`. */
export interface FunctionsManifest {
  readonly functions: readonly FunctionMetadata[];
}

/** An HTTP-triggered function: it runs in the `<name>-http` Deployment. */
export function isHttpTrigger(fn: FunctionMetadata): boolean {
  return fn.trigger.type.toLowerCase() === "httptrigger";
}

/** Reads and shape-checks a manifest file; functions come back sorted by name. */
export function readFunctionsManifest(file: string): FunctionsManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the functions manifest ${file}: ${(error as Error).message}`);
  }
  return parseFunctionsManifest(parsed, file);
}

/** Shape-checks a parsed manifest (`source` names it in errors); functions come back sorted by name. */
export function parseFunctionsManifest(value: unknown, source = "functions manifest"): FunctionsManifest {
  const functions = (value as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(functions)) {
    throw new Error(`${source} must be an object with a "functions" array.`);
  }
  const parsed = functions.map((fn: unknown, index): FunctionMetadata => {
    const { name, trigger } = (fn ?? {}) as { name?: unknown; trigger?: { type?: unknown } };
    if (typeof name !== "string" || name === "") {
      throw new Error(`${source}: functions[${index}].name must be a non-empty string.`);
    }
    if (typeof trigger !== "object" || trigger === null || typeof trigger.type !== "string") {
      throw new Error(`${source}: functions[${index}] (${name}) needs a trigger object with a string "type".`);
    }
    return { name, trigger: trigger as TriggerBinding };
  });
  return { functions: [...parsed].sort((a, b) => byCodePoint(a.name, b.name)) };
}
