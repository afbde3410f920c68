import { App } from "cdktf";
import { environmentConfig } from "./config";
import { addEnvironment } from "./stacks/app";

const app = new App();
const environment = process.env.DEPLOY_ENV ?? app.node.tryGetContext("environment");
addEnvironment(app, environmentConfig(environment));
app.synth();
