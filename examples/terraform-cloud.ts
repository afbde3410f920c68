// The three stacks of an environment on Terraform Cloud: one named workspace per stack.
import { App } from "cdktf";
import { addEnvironment, environmentConfig, EnvironmentConfig } from "keda-functions-aks";

const prod = environmentConfig("prod");
const onTerraformCloud: EnvironmentConfig = {
  ...prod,
  backend: {
    type: "cloud",
    organization: "my-org",
    project: "keda-functions",
    workspacePrefix: "kedafn-",
    remoteExecution: true,
  },
  workload: { ...prod.workload, kubeloginMode: "workloadidentity" },
};

const app = new App();
addEnvironment(app, onTerraformCloud);
app.synth();
