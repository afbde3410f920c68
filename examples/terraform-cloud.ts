// The three stacks of an environment on Terraform Cloud: one named workspace per stack.
import { App } from "cdktf";
import { addEnvironment, environmentConfig, EnvironmentConfig, sampleFunctionAppDirectory } from "keda-functions-aks";

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
  workload: {
    ...prod.workload,
    kubeloginMode: "workloadidentity",
    // Your function app's folder; the sample app shipped in the package keeps this runnable as is.
    functionApp: { ...prod.workload.functionApp, sourceDirectory: sampleFunctionAppDirectory() },
  },
};

const app = new App();
addEnvironment(app, onTerraformCloud);
app.synth();
