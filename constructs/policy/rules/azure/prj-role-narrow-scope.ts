import { resourceRule } from "../../policy-rule";

const BROAD_SCOPE = /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/i;

/** Role assignments target one resource, never a whole subscription or resource group. */
export const roleNarrowScope = resourceRule(
  {
    id: "PRJ_ROLE_NARROW_SCOPE",
    source: "project",
    level: "error",
    description: "Role assignments are scoped to a single resource",
    fix: "scope the assignment to the resource's id (e.g. registry.id), not a subscription or resource group",
    resourceTypes: ["azurerm_role_assignment"],
  },
  (c) => {
    const scope = String(c.scope ?? "");
    if (BROAD_SCOPE.test(scope)) return `scope ${JSON.stringify(scope)} is a subscription or resource group`;
    if (/data\.azurerm_(subscription|client_config)\.[^.]+\.(id|subscription_id)\}$/.test(scope)) return `scope ${JSON.stringify(scope)} is a subscription`;
    if (/azurerm_resource_group\.[^.]+\.id\}$/.test(scope)) return `scope ${JSON.stringify(scope)} is a resource group`;
    return undefined;
  },
);
