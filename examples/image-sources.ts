// The three places the project's workload stack can take the function app's image from
// (`workload.functionApp.image` in config/<env>.ts).
import { FunctionAppImageConfig } from "keda-functions-aks";

// Default: `docker build` + push during apply, tagged with the build context's hash.
const local: FunctionAppImageConfig = { source: "docker-build" };
// Terraform Cloud remote runs (no Docker daemon): an ACR Task builds from Git.
// The Git token is the sensitive variable image_context_access_token, never config.
const acrTask: FunctionAppImageConfig = { source: "acr-task", contextPath: "https://github.com/org/repo.git#main:function-app" };
// An image CI already pushed, pinned by digest and promoted between environments.
const prebuilt: FunctionAppImageConfig = {
  source: "reference",
  reference: "acrkedafnprod.azurecr.io/keda-func@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
};

console.log([local, acrTask, prebuilt].map((image) => image.source).join(", "));
