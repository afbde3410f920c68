import { environments } from "../../config";
import { EnvironmentConfig, StateBackendConfig } from "../../config/environment";
import { synthConfig } from "../support/platform";

const dev = environments.dev;
const STACKS = ["dev-registry", "dev-cluster", "dev-workload"];
const SECRET_KEYS = /"(access_key|sas_token|client_secret|client_certificate_password|token|password|oidc_token|oidc_request_token)"/i;

const azurerm: StateBackendConfig = {
  type: "azurerm",
  resourceGroupName: "rg-tfstate",
  storageAccountName: "sttfstatekedafn",
  containerName: "tfstate",
  keyPrefix: "keda-functions/",
};
const cloud: StateBackendConfig = {
  type: "cloud",
  organization: "contoso",
  project: "keda-functions",
  workspacePrefix: "kedafn-",
  remoteExecution: false,
};
const withBackend = (backend: StateBackendConfig): EnvironmentConfig => ({ ...dev, backend });

describe.each([
  ["local", dev.backend],
  ["azurerm", azurerm],
  ["cloud", cloud],
])("%s backend", (_, backend) => {
  const app = synthConfig(withBackend(backend));

  test("every stack's backend block holds no secret", () => {
    for (const name of STACKS) {
      const { terraform } = app.stack(name);
      expect(JSON.stringify({ backend: terraform.backend, cloud: terraform.cloud })).not.toMatch(SECRET_KEYS);
    }
  });

  test("cross-stack remote state reads hold no secret either", () => {
    const reads = app.stack("dev-cluster").data!.terraform_remote_state;
    expect(Object.keys(reads)).toEqual(["cross-stack-reference-input-dev-registry"]);
    expect(JSON.stringify(reads)).not.toMatch(SECRET_KEYS);
  });
});

test("local: one state file per stack, relative to the stack's folder", () => {
  const app = synthConfig(dev);
  for (const name of STACKS) {
    expect(app.stack(name).terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
  }
  expect(app.stack("dev-cluster").data!.terraform_remote_state["cross-stack-reference-input-dev-registry"]).toMatchObject({
    backend: "local",
    config: { path: "../../../terraform.dev-registry.tfstate" },
  });
});

test("azurerm: one blob per stack and environment, Entra ID auth", () => {
  const app = synthConfig(withBackend(azurerm));
  for (const name of STACKS) {
    expect(app.stack(name).terraform.backend).toEqual({
      azurerm: {
        resource_group_name: "rg-tfstate",
        storage_account_name: "sttfstatekedafn",
        container_name: "tfstate",
        key: `keda-functions/${name}.tfstate`,
        use_azuread_auth: true,
      },
    });
  }
  expect(app.stack("dev-cluster").data!.terraform_remote_state["cross-stack-reference-input-dev-registry"]).toMatchObject({
    backend: "azurerm",
    config: { key: "keda-functions/dev-registry.tfstate", use_azuread_auth: true },
  });
});

test("cloud: one named workspace per stack, remote state read by workspace name", () => {
  const app = synthConfig(withBackend(cloud));
  for (const name of STACKS) {
    expect(app.stack(name).terraform.cloud).toEqual({
      organization: "contoso",
      workspaces: { name: `kedafn-${name}`, project: "keda-functions" },
    });
    expect(app.stack(name).terraform.backend).toBeUndefined();
  }
  expect(app.stack("dev-cluster").data!.terraform_remote_state["cross-stack-reference-input-dev-registry"]).toMatchObject({
    backend: "remote",
    config: { organization: "contoso", workspaces: { name: "kedafn-dev-registry" } },
  });
});
