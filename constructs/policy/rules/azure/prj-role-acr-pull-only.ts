import { resourceRule } from "../../policy-rule";

/** Least privilege for image pulls: a role on a registry is AcrPull, nothing broader. */
export const roleAcrPullOnly = resourceRule(
  {
    id: "PRJ_ROLE_ACR_PULL_ONLY",
    source: "project",
    level: "error",
    description: "Role assignments on a container registry grant AcrPull only",
    fix: 'use role_definition_name = "AcrPull" (pushes use an Entra token of the deployer, not a role on the cluster)',
    resourceTypes: ["azurerm_role_assignment"],
  },
  (c) => {
    const scope = String(c.scope ?? "");
    const onRegistry = /azurerm_container_registry|Microsoft\.ContainerRegistry\/registries|registry_id/i.test(scope);
    if (!onRegistry) return undefined;
    return c.role_definition_name === "AcrPull" ? undefined : `role ${JSON.stringify(c.role_definition_name ?? c.role_definition_id)} on a registry`;
  },
);
