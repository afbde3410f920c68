// A KedaFunctionApp that scales on triggers you give it: an ingest app reading an event hub, a
// blob container, a Kafka topic and a RabbitMQ queue. `triggers` replaces the mapping from the
// bindings with KedaTrigger's typed factories (each checks its input at synth), here to tune each
// source's threshold and to add memory as a further signal. Identity-based sources use the app's
// workload identity; Kafka credentials and the RabbitMQ URL stay in an existing Secret.
import { App, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { ImageSource, KedaFunctionApp, KedaTrigger } from "keda-functions-aks";

const app = new App();
const stack = new TerraformStack(app, "ingest");
new AzurermProvider(stack, "azurerm", { features: [{}], storageUseAzuread: true });
new KubernetesProvider(stack, "kubernetes", { configPath: "~/.kube/config" });
const storage = new StorageAccount(stack, "storage", {
  name: "stingestdev",
  resourceGroupName: "rg-ingest",
  location: "westeurope",
  accountTier: "Standard",
  accountReplicationType: "LRS",
  minTlsVersion: "TLS1_2",
  sharedAccessKeyEnabled: false,
  allowNestedItemsToBePublic: false,
  // The uploads are business data: deleted ones stay recoverable for a week.
  blobProperties: { deleteRetentionPolicy: { days: 7 }, containerDeleteRetentionPolicy: { days: 7 } },
});
const events = new EventhubNamespace(stack, "events", {
  name: "evh-ingest-dev",
  resourceGroupName: "rg-ingest",
  location: "westeurope",
  sku: "Standard",
  localAuthenticationEnabled: false,
  minimumTlsVersion: "1.2",
});

new KedaFunctionApp(stack, "function-app", {
  name: "ingest",
  namespace: "ingest",
  image: ImageSource.fromReference("myacr.azurecr.io/ingest@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"),
  functions: [
    { name: "telemetry", trigger: { type: "eventHubTrigger", eventHubName: "telemetry", consumerGroup: "ingest", connection: "EventHubConnection" } },
    { name: "uploads", trigger: { type: "blobTrigger", path: "uploads/incoming/{name}.csv", connection: "AzureWebJobsStorage" } },
    { name: "clicks", trigger: { type: "kafkaTrigger", brokerList: "KafkaBrokers", topic: "clicks", consumerGroup: "ingest", protocol: "saslSsl", authenticationMode: "scramSha512", username: "KafkaUser", password: "KafkaPassword" } },
    { name: "legacy-orders", trigger: { type: "rabbitMQTrigger", queueName: "orders", connectionStringSetting: "RabbitMqConnection" } },
  ],
  storage: { accountName: storage.name, accountId: storage.id },
  connections: {
    EventHubConnection: { service: "eventHubs", fullyQualifiedNamespace: `${events.name}.servicebus.windows.net`, resourceId: events.id },
  },
  // KafkaBrokers, KafkaUser, KafkaPassword and RabbitMqConnection: keys of a Secret you manage.
  existingSettings: [{ kind: "Secret", name: "ingest-connections" }],
  workloadIdentity: {
    oidcIssuerUrl: "https://westeurope.oic.prod-aks.azure.com/<tenant-id>/<cluster-id>/",
    resourceGroupName: "rg-ingest",
    location: "westeurope",
  },
  triggers: [
    KedaTrigger.eventHub({ name: "telemetry", eventHubName: "telemetry", consumerGroup: "ingest", unprocessedEventThreshold: 200, namespace: events.name, storageAccountName: storage.name }),
    // The uploads function deletes each CSV once imported, so the count is the backlog.
    KedaTrigger.blob({ name: "uploads", blobContainerName: "uploads", blobPrefix: "incoming/", globPattern: "incoming/*.csv", blobCount: 10, accountName: storage.name, blobsRemovedAfterProcessing: true }),
    KedaTrigger.kafka({
      name: "clicks",
      bootstrapServersFromEnv: "KafkaBrokers",
      topic: "clicks",
      consumerGroup: "ingest",
      lagThreshold: 500,
      tls: true,
      sasl: { mechanism: "scram_sha512", usernameFromEnv: "KafkaUser", passwordFromEnv: "KafkaPassword" },
    }),
    KedaTrigger.rabbitMq({ name: "legacy-orders", queueName: "orders", hostFromEnv: "RabbitMqConnection", value: 30 }),
    KedaTrigger.memory({ name: "memory", utilization: 80 }),
  ],
});

app.synth();
