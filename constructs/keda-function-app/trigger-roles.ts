import { TriggerBinding } from "./functions-manifest";

/** The Azure services an identity-based connection can point at. */
export type ConnectionService = "storage" | "serviceBus" | "eventHubs";

/** Data-plane roles the app identity needs for one trigger's connection. */
export interface RoleRequirement {
  /** App setting prefix of the connection, e.g. `AzureWebJobsStorage`. */
  readonly connection: string;
  readonly service: ConnectionService;
  readonly roles: readonly string[];
}

/**
 * The built-in roles a trigger needs on its connection's resource. The app and KEDA
 * share one identity, so the roles cover both: the host consuming messages and KEDA
 * reading the backlog.
 */
export function rolesForTrigger(binding: TriggerBinding): RoleRequirement | undefined {
  const connection = (fallback: string, option = "connection") => {
    const value = binding[option];
    return typeof value === "string" && value.trim() !== "" ? value : fallback;
  };
  switch (binding.type.toLowerCase()) {
    case "queuetrigger":
      return { connection: connection("AzureWebJobsStorage"), service: "storage", roles: ["Storage Queue Data Contributor"] };
    case "blobtrigger":
      // The host keeps blob receipts and a poison queue next to the watched container.
      return {
        connection: connection("AzureWebJobsStorage"),
        service: "storage",
        roles: ["Storage Blob Data Owner", "Storage Queue Data Contributor"],
      };
    case "servicebustrigger":
      // KEDA reads queue runtime properties, which needs Manage rights (Data Owner).
      return { connection: connection("AzureWebJobsServiceBus"), service: "serviceBus", roles: ["Azure Service Bus Data Owner"] };
    case "eventhubtrigger":
      return { connection: connection("AzureWebJobsEventHub"), service: "eventHubs", roles: ["Azure Event Hubs Data Receiver"] };
    default:
      return undefined;
  }
}
