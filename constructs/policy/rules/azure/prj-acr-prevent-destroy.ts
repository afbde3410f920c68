import { resourceRule } from "../../policy-rule";

/** Container registry cannot be destroyed by a plan. */
export const acrPreventDestroy = resourceRule(
  {
    id: "PRJ_ACR_PREVENT_DESTROY",
    source: "project",
    level: "error",
    description: "Container registry cannot be destroyed by a plan",
    fix: "set lifecycle.prevent_destroy = true",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.lifecycle?.prevent_destroy === true ? undefined : "lifecycle.prevent_destroy is not true"),
);
