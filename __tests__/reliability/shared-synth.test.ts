import { environmentConfig } from "../../config";
import { synthConfig, synthEnvironment } from "../support/synth-app";

// npm test synthesizes dev and prod once, with the README runner, and most suites read that
// output (__tests__/support/global-setup-shared-synth.ts). It stands in for an in-process synth
// only if the two are the same bytes: main.ts must stay `addEnvironment(app, environmentConfig(env))`.
test.each(["dev", "prod"])("%s: the runner's shared synth is byte for byte an in-process synth", (environment) => {
  const dir = process.env.KEDAFN_JEST_SHARED_SYNTH;
  expect(dir).toBeDefined();
  const shared = synthEnvironment(environment);
  expect(shared.outdir.startsWith(dir!)).toBe(true);
  // A copy of the config: only a built-in environment's own object is served from the shared synth.
  const inProcess = synthConfig({ ...environmentConfig(environment) });
  expect(inProcess.outdir.startsWith(dir!)).toBe(false);
  expect(Object.keys(shared.manifest.stacks).sort()).toEqual(Object.keys(inProcess.manifest.stacks).sort());
  for (const name of Object.keys(shared.manifest.stacks)) expect({ name, same: shared.raw(name) === inProcess.raw(name) }).toEqual({ name, same: true });
});
