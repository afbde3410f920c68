# Pinned versions of the real tools that judge this project's output, and where they are cached.
# Sourced by install.sh and read by the conformance and e2e runners (scripts/tools/versions.mjs parses it).
TOOLS="${KFA_TOOLS_DIR:-$HOME/.cache/keda-functions-aks/tools}"
TF_PLUGIN_MIRROR="$TOOLS/terraform-plugins"

# Kubernetes minor the cluster stack targets (config: cluster.kubernetesVersion) and the KEDA version the
# AKS add-on installs for that minor (AKS "managed add-ons" table: 1.35 -> KEDA 2.17).
KUBERNETES_VERSION=1.35.4
KEDA_VERSION=2.17.2
# keda-add-ons-http chart 0.15.0 ships http-add-on 0.15.0 (config: cluster.keda.httpAddOn.chartVersion).
HTTP_ADD_ON_VERSION=0.15.0
ETCD_VERSION=3.6.6

# Terraform providers the stacks pin (required_providers in cdk.tf.json). The Go module proxy here refuses
# every pinned release (403 "This module version is not available", by tag, by commit and by
# pseudo-version); see scripts/tools/README.md. azurerm's newest commit is served and is built instead,
# as AZURERM_SERVED_*, for a forward-compatibility validation of the azurerm-only stacks.
AZURERM_VERSION=4.55.0
KUBERNETES_PROVIDER_VERSION=2.38.0
HELM_PROVIDER_VERSION=3.1.1
DOCKER_PROVIDER_VERSION=3.6.2
AZURERM_SERVED_VERSION=5.2.0
AZURERM_SERVED_PSEUDO=v1.44.1-0.20260824201233-fae580791926

KUBECONFORM_VERSION=0.7.0
KUBE_SCORE_VERSION=1.20.0
CHECKOV_VERSION=3.3.30
