/**
 * What bench/profile.mjs needs from the project, without running main.ts: loading this
 * bundle loads exactly the modules a synth loads, and the profile then times the
 * construct tree and `app.synth()` on their own.
 */
export { App, TerraformStack } from "cdktf";
export { addEnvironment } from "../../stacks/app";
export { environmentConfig } from "../../config";
export { readDockerContext, stageDockerContext } from "../../constructs/core/content-hash";
