import { Construct, IConstruct } from "constructs";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { oneOf, ValidationError, violationsOf } from "../core/validation";
import { checkPrincipalId } from "./validation";

/** Kinds of Entra ID principal a role can be assigned to. */
export const PRINCIPAL_TYPES = ["ServicePrincipal", "User", "Group"] as const;
/** One of {@link PRINCIPAL_TYPES}. */
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Who receives access to a registry, and where the role assignment is created. */
export interface RegistryGrantee {
  /** Object id of the principal, e.g. the AKS kubelet identity's `objectId`. */
  readonly principalId: string;
  /**
   * Kind of principal. For `ServicePrincipal` (managed identities included) Azure skips the Entra
   * lookup, so an identity created in the same apply does not fail on replication delay.
   * @default "ServicePrincipal"
   */
  readonly principalType?: PrincipalType;
  /**
   * Construct the role assignment is created under. Pass a construct of the principal's stack when
   * the principal lives in another stack than the registry: the registry's stack would otherwise
   * depend on the principal's, which already depends on the registry.
   * @default the registry construct
   */
  readonly scope?: Construct;
  /** Construct id of the role assignment, unique within `scope`; it is part of the Terraform address. @default "acr-pull" or "acr-push" */
  readonly id?: string;
}

/** Assigns `role` on the registry `registryId` to the grantee; the construct that grants names itself in errors. */
export function grantRegistryRole(
  registry: IConstruct,
  registryId: string,
  role: "AcrPull" | "AcrPush",
  defaultId: string,
  grantee: RegistryGrantee,
): RoleAssignment {
  const scope = grantee.scope ?? (registry as Construct);
  const id = grantee.id ?? defaultId;
  const principalType = grantee.principalType ?? "ServicePrincipal";
  const method = `grant${role === "AcrPull" ? "Pull" : "Push"}`;
  const violations = violationsOf({ id, principalType, principalId: grantee.principalId }, [
    (g) =>
      scope.node.tryFindChild(g.id) === undefined
        ? undefined
        : { property: `${method} id`, value: g.id, rule: `"${scope.node.path}" already has a construct with this id`, fix: "pass a distinct id in the grantee, e.g. one that names the principal" },
    (g) => oneOf(`${method} principalType`, g.principalType, PRINCIPAL_TYPES),
    (g) => checkPrincipalId(`${method} principalId`, g.principalId),
  ]);
  if (violations.length > 0) throw new ValidationError(registry.node.path, "ContainerRegistry", violations);
  return new RoleAssignment(scope, id, {
    scope: registryId,
    roleDefinitionName: role,
    principalId: grantee.principalId,
    principalType,
    skipServicePrincipalAadCheck: principalType === "ServicePrincipal" ? true : undefined,
  });
}
