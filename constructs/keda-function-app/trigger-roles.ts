import { TriggerBinding } from "./functions-manifest";
import { ConnectionService, triggerKind } from "./trigger-catalogue";
import { connectionName } from "./trigger-connections";

export type { ConnectionService } from "./trigger-catalogue";

/** Data-plane roles the app identity needs for one trigger's connection. */
export interface RoleRequirement {
  /** App setting prefix of the connection, e.g. `AzureWebJobsStorage`. */
  readonly connection: string;
  readonly service: ConnectionService;
  readonly roles: readonly string[];
}

/** The built-in roles a trigger needs on its connection's resource (the catalogue's `roles`). */
export function rolesForTrigger(binding: TriggerBinding): RoleRequirement | undefined {
  const kind = triggerKind(binding.type);
  if (kind?.roles === undefined || kind.connection?.defaultSetting === undefined) return undefined;
  return { connection: connectionName(binding[kind.connection.option], kind.connection.defaultSetting), ...kind.roles };
}
