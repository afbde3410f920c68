// The project's stacks in your own app: the built-in dev environment, renamed for your team.
import { App } from "cdktf";
import { addEnvironment, environmentConfig, EnvironmentConfig } from "keda-functions-aks";

const dev = environmentConfig("dev");
const teamDev: EnvironmentConfig = {
  ...dev,
  name: "team-a",
  tags: { ...dev.tags, team: "a" },
  registry: { ...dev.registry, name: "acrteamadev", resourceGroupName: "rg-team-a-registry" },
};

const app = new App();
const { registry, cluster, workload } = addEnvironment(app, teamDev);
console.log(`${registry.node.id} -> ${cluster.node.id} -> ${workload.node.id}`);
app.synth();
