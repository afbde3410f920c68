// One rule per file; this file only collects them.
import { PolicyRule } from "./policy-rule";
import { aksRbacExplicit } from "./rules/azure/azu-0042-aks-rbac-explicit";
import { aksPrivateCluster } from "./rules/azure/ckv-azure-115-aks-private-cluster";
import { aksAzurePolicy } from "./rules/azure/ckv-azure-116-aks-azure-policy";
import { aksDiskEncryptionSet } from "./rules/azure/ckv-azure-117-aks-disk-encryption-set";
import { acrAdminDisabled } from "./rules/azure/ckv-azure-137-acr-admin-disabled";
import { acrAnonymousPullDisabled } from "./rules/azure/ckv-azure-138-acr-anonymous-pull";
import { acrPublicNetworkDisabled } from "./rules/azure/ckv-azure-139-acr-public-network";
import { aksLocalAccountsDisabled } from "./rules/azure/ckv-azure-141-aks-local-accounts";
import { aksNodePublicIp } from "./rules/azure/ckv-azure-143-aks-node-public-ip";
import { acrVulnerabilityScanning } from "./rules/azure/ckv-azure-163-acr-vulnerability-scanning";
import { acrTrustPolicy } from "./rules/azure/ckv-azure-164-acr-trust-policy";
import { acrGeoReplication } from "./rules/azure/ckv-azure-165-acr-geo-replication";
import { acrQuarantine } from "./rules/azure/ckv-azure-166-acr-quarantine";
import { acrRetention } from "./rules/azure/ckv-azure-167-acr-retention";
import { aksMaxPods } from "./rules/azure/ckv-azure-168-aks-max-pods";
import { aksScaleSets } from "./rules/azure/ckv-azure-169-aks-scale-sets";
import { aksPaidSku } from "./rules/azure/ckv-azure-170-aks-paid-sku";
import { aksUpgradeChannel } from "./rules/azure/ckv-azure-171-aks-upgrade-channel";
import { aksSecretRotation } from "./rules/azure/ckv-azure-172-aks-secret-rotation";
import { aksEphemeralOsDisk } from "./rules/azure/ckv-azure-226-aks-ephemeral-os-disk";
import { aksHostEncryption } from "./rules/azure/ckv-azure-227-aks-host-encryption";
import { aksCriticalAddonsOnly } from "./rules/azure/ckv-azure-232-aks-critical-addons-only";
import { acrZoneRedundancy } from "./rules/azure/ckv-azure-233-acr-zone-redundancy";
import { acrDataEndpoint } from "./rules/azure/ckv-azure-237-acr-data-endpoint";
import { aksLogging } from "./rules/azure/ckv-azure-4-aks-logging";
import { storageMinTls } from "./rules/azure/ckv-azure-44-storage-tls";
import { aksRbac } from "./rules/azure/ckv-azure-5-aks-rbac";
import { aksApiServerAccess } from "./rules/azure/ckv-azure-6-aks-api-server-access";
import { aksNetworkPolicy } from "./rules/azure/ckv-azure-7-aks-network-policy";
import { aksDashboard } from "./rules/azure/ckv-azure-8-aks-dashboard";
import { aksAzureCni } from "./rules/azure/ckv2-azure-29-aks-azure-cni";
import { storageNoSharedKey } from "./rules/azure/ckv2-azure-40-storage-shared-key";
import { acrPreventDestroy } from "./rules/azure/prj-acr-prevent-destroy";
import { aksWorkloadIdentity } from "./rules/azure/prj-aks-workload-identity";
import { roleAcrPullOnly } from "./rules/azure/prj-role-acr-pull-only";
import { roleNarrowScope } from "./rules/azure/prj-role-narrow-scope";
import { cpuRequest } from "./rules/kubernetes/ckv-k8s-10-cpu-request";
import { cpuLimit } from "./rules/kubernetes/ckv-k8s-11-cpu-limit";
import { memoryRequest } from "./rules/kubernetes/ckv-k8s-12-memory-request";
import { memoryLimit } from "./rules/kubernetes/ckv-k8s-13-memory-limit";
import { imageTag } from "./rules/kubernetes/ckv-k8s-14-image-tag";
import { imagePullPolicy } from "./rules/kubernetes/ckv-k8s-15-image-pull-policy";
import { notPrivileged } from "./rules/kubernetes/ckv-k8s-16-privileged";
import { hostNamespaces } from "./rules/kubernetes/ckv-k8s-17-host-namespaces";
import { noPrivilegeEscalation } from "./rules/kubernetes/ckv-k8s-20-privilege-escalation";
import { notDefaultNamespace } from "./rules/kubernetes/ckv-k8s-21-namespace";
import { readOnlyRootFilesystem } from "./rules/kubernetes/ckv-k8s-22-read-only-root-fs";
import { runAsNonRoot } from "./rules/kubernetes/ckv-k8s-23-run-as-non-root";
import { noAddedCapabilities } from "./rules/kubernetes/ckv-k8s-25-added-capabilities";
import { noHostPort } from "./rules/kubernetes/ckv-k8s-26-host-port";
import { dropNetRaw } from "./rules/kubernetes/ckv-k8s-28-net-raw";
import { seccompProfile } from "./rules/kubernetes/ckv-k8s-31-seccomp";
import { noSecretsInEnv } from "./rules/kubernetes/ckv-k8s-35-secrets-in-env";
import { dropAllCapabilities } from "./rules/kubernetes/ckv-k8s-37-drop-all";
import { noServiceAccountToken } from "./rules/kubernetes/ckv-k8s-38-service-account-token";
import { highUid } from "./rules/kubernetes/ckv-k8s-40-high-uid";
import { imageDigest } from "./rules/kubernetes/ckv-k8s-43-image-digest";
import { livenessProbe } from "./rules/kubernetes/ckv-k8s-8-liveness-probe";
import { readinessProbe } from "./rules/kubernetes/ckv-k8s-9-readiness-probe";
import { ownServiceAccount } from "./rules/kubernetes/kube-linter-default-service-account";
import { noLiteralSecretEnv } from "./rules/kubernetes/kube-linter-env-var-secret";
import { pdbAllowsDrain } from "./rules/kubernetes/kube-linter-pdb-allows-drain";
import { probePorts } from "./rules/kubernetes/kube-linter-probe-ports";
import { spreadReplicas } from "./rules/kubernetes/kube-score-anti-affinity";
import { imagePullPolicyAlways } from "./rules/kubernetes/kube-score-container-image-pull-policy";
import { twoReplicas } from "./rules/kubernetes/kube-score-deployment-replicas";
import { rollingUpdate } from "./rules/kubernetes/kube-score-deployment-strategy";
import { noDuplicateEnv } from "./rules/kubernetes/kube-score-env-duplication";
import { hpaOwnsReplicas } from "./rules/kubernetes/kube-score-hpa-no-replicas";
import { labelValues } from "./rules/kubernetes/kube-score-label-values";
import { hasPodDisruptionBudget } from "./rules/kubernetes/kube-score-pod-disruption-budget";
import { podNetworkPolicy } from "./rules/kubernetes/kube-score-pod-networkpolicy";
import { probesDiffer } from "./rules/kubernetes/kube-score-probes-identical";
import { selectorMatchesTemplate } from "./rules/kubernetes/kube-score-selector-labels";
import { serviceTargetsPod } from "./rules/kubernetes/kube-score-service-targets-pod";
import { noNodePort } from "./rules/kubernetes/kube-score-service-type";
import { kedaFallback } from "./rules/kubernetes/prj-keda-fallback";
import { kedaWorkloadIdentity } from "./rules/kubernetes/prj-keda-workload-identity";
import { noSecretLiterals } from "./rules/kubernetes/prj-no-secret-data";
import { restrictedVolumes } from "./rules/kubernetes/pss-restricted-volumes";
import { runAsUserNotRoot } from "./rules/kubernetes/pss-run-as-user";

/** Every rule of this package: Azure resources (checkov, trivy, project) and Kubernetes objects (checkov, kube-score, kube-linter, Pod Security). */
export const ALL_RULES: readonly PolicyRule[] = [
  aksRbacExplicit,
  aksPrivateCluster,
  aksAzurePolicy,
  aksDiskEncryptionSet,
  acrAdminDisabled,
  acrAnonymousPullDisabled,
  acrPublicNetworkDisabled,
  aksLocalAccountsDisabled,
  aksNodePublicIp,
  acrVulnerabilityScanning,
  acrTrustPolicy,
  acrGeoReplication,
  acrQuarantine,
  acrRetention,
  aksMaxPods,
  aksScaleSets,
  aksPaidSku,
  aksUpgradeChannel,
  aksSecretRotation,
  aksEphemeralOsDisk,
  aksHostEncryption,
  aksCriticalAddonsOnly,
  acrZoneRedundancy,
  acrDataEndpoint,
  aksLogging,
  storageMinTls,
  aksRbac,
  aksApiServerAccess,
  aksNetworkPolicy,
  aksDashboard,
  aksAzureCni,
  storageNoSharedKey,
  acrPreventDestroy,
  aksWorkloadIdentity,
  roleAcrPullOnly,
  roleNarrowScope,
  cpuRequest,
  cpuLimit,
  memoryRequest,
  memoryLimit,
  imageTag,
  imagePullPolicy,
  notPrivileged,
  hostNamespaces,
  noPrivilegeEscalation,
  notDefaultNamespace,
  readOnlyRootFilesystem,
  runAsNonRoot,
  noAddedCapabilities,
  noHostPort,
  dropNetRaw,
  seccompProfile,
  noSecretsInEnv,
  dropAllCapabilities,
  noServiceAccountToken,
  highUid,
  imageDigest,
  livenessProbe,
  readinessProbe,
  ownServiceAccount,
  noLiteralSecretEnv,
  pdbAllowsDrain,
  probePorts,
  spreadReplicas,
  imagePullPolicyAlways,
  twoReplicas,
  rollingUpdate,
  noDuplicateEnv,
  hpaOwnsReplicas,
  labelValues,
  hasPodDisruptionBudget,
  podNetworkPolicy,
  probesDiffer,
  selectorMatchesTemplate,
  serviceTargetsPod,
  noNodePort,
  kedaFallback,
  kedaWorkloadIdentity,
  noSecretLiterals,
  restrictedVolumes,
  runAsUserNotRoot,
];
