// `npm run discover [-- <app-dir>]`: builds nothing itself (the npm script runs the app's
// own build first), loads the compiled app with a recording stub of @azure/functions-core
// and writes <app-dir>/functions.manifest.json, which synth reads. Commit the result.
// The same command the package ships as its bin: `npx keda-functions-aks discover <app-dir>`.
import { runCli } from "../constructs/keda-function-app/discovery/cli";

process.exitCode = runCli(["discover", ...process.argv.slice(3)], undefined, "function-app");
