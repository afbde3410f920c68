// `npm run discover [-- <app-dir>]`: builds nothing itself (the npm script runs the app's
// own build first), loads the compiled app with a recording stub of @azure/functions-core
// and writes <app-dir>/functions.manifest.json, which synth reads. Commit the result.
import { join, relative } from "node:path";
import { discoverFunctions, writeFunctionsManifest } from "../constructs/keda-function-app/discovery/discover-functions";

const appDir = process.argv.slice(3).find((arg) => !arg.startsWith("-")) ?? "function-app";
const manifest = discoverFunctions({ appDir });
const file = join(appDir, "functions.manifest.json");
writeFunctionsManifest(file, manifest);
const summary = manifest.functions.map((f) => `${f.name} (${f.trigger.type})`).join(", ");
process.stdout.write(`Wrote ${relative(process.cwd(), file)}: ${summary}\n`);
