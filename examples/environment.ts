// The project's stacks in your own app: the built-in dev environment, renamed for your team.
import { App } from "cdktf";
import { addEnvironment, environmentConfig, EnvironmentConfig, sampleFunctionAppDirectory } from "keda-functions-aks";

const dev = environmentConfig("dev");
const teamDev: EnvironmentConfig = {
  ...dev,
  name: "team-a",
  tags: { ...dev.tags, team: "a" },
  registry: { ...dev.registry, name: "acrteamadev", resourceGroupName: "rg-team-a-registry" },
  // Your function app's folder; the sample app shipped in the package keeps this runnable as is.
  workload: { ...dev.workload, functionApp: { ...dev.workload.functionApp, sourceDirectory: sampleFunctionAppDirectory() } },
};

const app = new App();
const { registry, cluster, workload } = addEnvironment(app, teamDev);
console.log(`${registry.node.id} -> ${cluster.node.id} -> ${workload.node.id}`);
app.synth();
