import { Construct } from "constructs";
import { Fn, TerraformIterator } from "cdktf";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";

/** The Azure role that lets an identity apply any Kubernetes object (AKS with Azure RBAC). */
export const CLUSTER_ADMIN_ROLE = "Azure Kubernetes Service RBAC Cluster Admin";

/** Props of {@link ClusterAdmins}. */
export interface ClusterAdminsProps {
  /** Resource id of the cluster (the scope of every assignment). */
  readonly clusterId: string;
  /** Object ids that always hold the role (config `cluster.adminObjectIds`). */
  readonly adminObjectIds: readonly string[];
  /** Object id of the identity running apply (`azurerm_client_config.object_id`). */
  readonly deployerObjectId: string;
}

/**
 * "Azure Kubernetes Service RBAC Cluster Admin" on the cluster for the listed admins and for the
 * identity running apply, as one `azurerm_role_assignment` with `for_each` over the set of their
 * object ids. Each principal is its own instance, keyed by its object id
 * (`...["<object id>"]`), so when CI and a colleague both apply, neither replaces the other's
 * listed assignment (a single resource with `principal_id = client.object_id` was destroyed and
 * re-created for whoever applied last). The set removes duplicates, so a listed deployer gets
 * one assignment. Each assignment's name is a UUIDv5 of scope, role and principal: the same
 * principal always gets the same name, so an apply can never create a second assignment for it.
 */
export class ClusterAdmins extends Construct {
  readonly assignments: RoleAssignment;

  constructor(scope: Construct, id: string, props: ClusterAdminsProps) {
    super(scope, id);
    const principals = TerraformIterator.fromList(Fn.distinct(Fn.concat([[...props.adminObjectIds], [props.deployerObjectId]])));
    this.assignments = new RoleAssignment(this, "cluster-admin", {
      forEach: principals,
      name: Fn.uuidv5("url", `${props.clusterId}#${CLUSTER_ADMIN_ROLE}#${principals.value}`),
      scope: props.clusterId,
      roleDefinitionName: CLUSTER_ADMIN_ROLE,
      principalId: principals.value,
    });
  }
}
