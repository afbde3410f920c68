#!/usr/bin/env bash
# Installs the real tools that judge this project's output, pinned, into a cache outside the repository.
#
#   bash scripts/tools/install.sh [tool ...]     (no argument: every tool)
#
# Idempotent: a tool whose folder holds a `.complete` stamp for its pinned version is skipped, so a warm
# run costs a few stat calls. Go tools are built from the Go module proxy (nothing is downloaded from a
# release page); Python tools go into their own venv; Debian packages are installed with apt-get when
# missing. Each build's wall time is appended to $TOOLS/timings.tsv (tool, version, seconds, date).
#
# The Terraform providers, KEDA and Kubernetes are tagged v2+ on repositories whose go.mod has no /vN
# suffix, so the Go command refuses them by tag; they are fetched by the tag's commit (a pseudo-version).
# Modules whose go.mod has `replace` lines are built through a small wrapper module that repeats them.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=versions.sh
source "$ROOT/scripts/tools/versions.sh"

export GOFLAGS=-mod=mod GOTOOLCHAIN=local GOTELEMETRY=off
mkdir -p "$TOOLS"
log() { printf '[tools] %s\n' "$*" >&2; }

# Runs "$@" unless $dir/.complete names the same version; records the wall time.
build_once() {
  local name="$1" version="$2" dir="$3" lock; shift 3
  # One build of a tool at a time: a second caller waits for the first, then finds the stamp.
  exec {lock}>"$TOOLS/.lock-$name"
  flock "$lock"
  if [[ -f "$dir/.complete" && "$(cat "$dir/.complete")" == "$version" ]]; then
    log "$name $version: cached in $dir"
    exec {lock}>&-
    return 0
  fi
  log "$name $version: building into $dir"
  rm -rf "$dir"; mkdir -p "$dir"
  local start end
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  echo "$version" >"$dir/.complete"
  printf '%s\t%s\t%s\t%s\n' "$name" "$version" "$((end - start))" "$(date -u +%FT%TZ)" >>"$TOOLS/timings.tsv"
  log "$name $version: built in $((end - start)) s"
  exec {lock}>&-
}

# A throwaway module that requires $1@$2 and repeats the replace lines of that module's go.mod
# (relative replacements such as k8s.io/api => ./staging/src/k8s.io/api become the published version $3).
wrapper_module() {
  local dir="$1" module="$2" version="$3" staging_version="${4:-}"
  mkdir -p "$dir/wrapper"
  (
    cd "$dir/wrapper"
    printf 'module kfa.local/wrapper\n\ngo 1.25\n\nrequire %s %s\n' "$module" "$version" >go.mod
    go mod download "$module@$version"
    local modfile
    modfile="$(go mod download -json "$module@$version" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
    # Repeat every replace line; relative ones point at the staging module's published version.
    awk -v sv="$staging_version" '
      /^replace \($/ { inblock = 1; next }
      inblock && /^\)/ { inblock = 0; next }
      /^replace / { sub(/^replace /, ""); line = $0 }
      inblock { line = $0 }
      line != "" {
        gsub(/\/\/.*/, "", line)
        n = split(line, f, /[ \t]+/)
        if (n >= 3) {
          # f[1] may be empty when the line starts with a tab.
          i = (f[1] == "") ? 2 : 1
          lhs = f[i]; arrow = f[i + 1]; rhs = f[i + 2]; ver = f[i + 3]
          if (lhs == "=>") { lhs = ""; }
          if (rhs ~ /^\.\.?\//) {
            if (sv != "" && lhs != "") printf "replace %s => %s %s\n", lhs, lhs, sv
          } else if (arrow == "=>") {
            printf "replace %s => %s %s\n", lhs, rhs, ver
          } else if (f[i + 2] == "=>") {
            # versioned left side: lhs v => rhs v
            printf "replace %s %s => %s %s\n", lhs, f[i + 1], f[i + 3], f[i + 4]
          }
        }
        line = ""
      }
    ' "$modfile" >>go.mod
    # The module's own go.sum vouches for its replaced versions: some (k8s.io/metrics v0.31.7 for
    # KEDA) are not in the checksum database here (sum.golang.org lookup: 404 Not Found).
    local srcdir
    srcdir="$(go mod download -json "$module@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
    if [[ -f "$srcdir/go.sum" ]]; then cat "$srcdir/go.sum" >>go.sum; fi
  )
}

# Tries the pinned release of a provider; on a refusal by the proxy, records the exact message in
# $TOOLS/refusals/<name>.txt (read by the conformance report) instead of failing the install.
pinned_provider() { # name source version module commit
  local name="$1" source="$2" version="$3" module="$4" commit="$5"
  local dir="$TOOLS/provider-$name-$version" out
  mkdir -p "$TOOLS/refusals"
  if [[ -f "$dir/.complete" ]]; then log "provider-$name $version: cached"; link_provider "$dir" "$source" "$version" "$module"; return 0; fi
  if out="$(cd "$TOOLS" && go mod download -json "$module@$commit" 2>&1)" && ! grep -q '"Error"' <<<"$out"; then
    rm -f "$TOOLS/refusals/$name.txt"
    build_once "provider-$name" "$version" "$dir" env GOBIN="$dir/bin" go install -trimpath "$module@$commit"
    link_provider "$dir" "$source" "$version" "$module"
  else
    sed -n 's/.*"Error": "\(.*\)".*/\1/p' <<<"$out" | sed 's/\\n\\t/ /g' >"$TOOLS/refusals/$name.txt"
    [[ -s "$TOOLS/refusals/$name.txt" ]] || echo "$out" >"$TOOLS/refusals/$name.txt"
    log "provider-$name $version: refused by the Go module proxy: $(cat "$TOOLS/refusals/$name.txt")"
  fi
}

link_provider() { # dir source version module
  local target="$TF_PLUGIN_MIRROR/registry.terraform.io/$2/$3/linux_amd64"
  mkdir -p "$target"
  ln -sf "$1/bin/$(basename "$4")" "$target/terraform-provider-$(basename "$2")_v$3"
}

install_providers() {
  # The release tags' commits (read from the providers' repositories).
  pinned_provider azurerm hashicorp/azurerm "$AZURERM_VERSION" github.com/hashicorp/terraform-provider-azurerm 37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df
  pinned_provider kubernetes hashicorp/kubernetes "$KUBERNETES_PROVIDER_VERSION" github.com/hashicorp/terraform-provider-kubernetes be88f44271050f69d52f410bca388834afedfe71
  pinned_provider helm hashicorp/helm "$HELM_PROVIDER_VERSION" github.com/hashicorp/terraform-provider-helm 1cbf08f6a306ab3cdff6079b87a61c7641b64f3b
  # The docker provider's go.mod declares github.com/terraform-providers/terraform-provider-docker.
  pinned_provider docker kreuzwerker/docker "$DOCKER_PROVIDER_VERSION" github.com/terraform-providers/terraform-provider-docker 2f20f8c3ce8290fcd03d96e69c7bc6338897a479
  # The newest azurerm commit, which the proxy does serve: a forward-compatibility check (see versions.sh).
  local dir="$TOOLS/provider-azurerm-$AZURERM_SERVED_VERSION"
  build_once "provider-azurerm" "$AZURERM_SERVED_VERSION" "$dir" \
    env GOBIN="$dir/bin" go install -trimpath -ldflags "-s -w" "github.com/hashicorp/terraform-provider-azurerm@$AZURERM_SERVED_PSEUDO"
  link_provider "$dir" hashicorp/azurerm "$AZURERM_SERVED_VERSION" github.com/hashicorp/terraform-provider-azurerm
}

build_kubernetes() {
  local dir="$TOOLS/kubernetes-$KUBERNETES_VERSION"
  local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=v$KUBERNETES_VERSION \
    -X k8s.io/component-base/version.gitMajor=${KUBERNETES_VERSION%%.*} \
    -X k8s.io/component-base/version.gitMinor=$(echo "$KUBERNETES_VERSION" | cut -d. -f2) \
    -X k8s.io/component-base/version.gitTreeState=clean \
    -X k8s.io/client-go/pkg/version.gitVersion=v$KUBERNETES_VERSION"
  _build() {
    wrapper_module "$dir" k8s.io/kubernetes "v$KUBERNETES_VERSION" "v0.${KUBERNETES_VERSION#1.}"
    (cd "$dir/wrapper" && go build -trimpath -ldflags "$ldflags" -o "$dir/bin/" \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kubectl)
  }
  build_once kubernetes "$KUBERNETES_VERSION" "$dir" _build
}

build_etcd() {
  local dir="$TOOLS/etcd-$ETCD_VERSION"
  _build() {
    wrapper_module "$dir" go.etcd.io/etcd/server/v3 "v$ETCD_VERSION"
    (
      cd "$dir/wrapper"
      # server/v3's relative replaces point at its sibling modules of the same release.
      for m in api/v3 client/pkg/v3 client/v3 pkg/v3; do
        echo "replace go.etcd.io/etcd/$m => go.etcd.io/etcd/$m v$ETCD_VERSION" >>go.mod
      done
      go build -trimpath -ldflags "-s -w" -o "$dir/bin/etcd" go.etcd.io/etcd/server/v3
    )
  }
  build_once etcd "$ETCD_VERSION" "$dir" _build
}

build_keda() {
  local dir="$TOOLS/keda-$KEDA_VERSION"
  _build() {
    # KEDA pins k8s.io/metrics v0.31.7, a release the checksum database behind this proxy does not know
    # ("sumdb ... lookup/k8s.io/metrics@v0.31.7: 404 Not Found"); the module itself is served. Only that
    # module skips the checksum database; go.sum still records the hash the proxy served.
    export GONOSUMDB=k8s.io/metrics
    wrapper_module "$dir" github.com/kedacore/keda/v2 "v$KEDA_VERSION"
    (cd "$dir/wrapper" && go build -trimpath -ldflags "-s -w -X github.com/kedacore/keda/v2/version.Version=$KEDA_VERSION" \
      -o "$dir/bin/" github.com/kedacore/keda/v2/cmd/operator github.com/kedacore/keda/v2/cmd/webhooks)
    local src
    src="$(cd "$dir/wrapper" && go list -m -f '{{.Dir}}' github.com/kedacore/keda/v2)"
    mkdir -p "$dir/crds"
    cp "$src"/config/crd/bases/*.yaml "$dir/crds/"
    chmod u+w "$dir/crds/"*.yaml
  }
  build_once keda "$KEDA_VERSION" "$dir" _build
}

fetch_http_add_on_crds() {
  local dir="$TOOLS/http-add-on-$HTTP_ADD_ON_VERSION"
  _fetch() {
    # The proxy refuses the version list of this module (403 "This module version is not available")
    # but serves the exact release, which carries the CRDs.
    local src
    src="$(cd "$dir" && go mod download -json "github.com/kedacore/http-add-on@v$HTTP_ADD_ON_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
    mkdir -p "$dir/crds"
    cp "$src"/config/crd/bases/*.yaml "$dir/crds/"
    chmod u+w "$dir/crds/"*.yaml
  }
  build_once http-add-on "$HTTP_ADD_ON_VERSION" "$dir" _fetch
}

# kubeconform's schemas, generated here instead of downloaded (GitHub is not reachable from CI machines
# like this one): Kubernetes from the release's own OpenAPI v3 documents (api/openapi-spec/v3 of the
# k8s.io/kubernetes module: what its API server serves), KEDA and the HTTP add-on from their CRDs.
generate_schemas() {
  local version="$KUBERNETES_VERSION-keda-$KEDA_VERSION-http-$HTTP_ADD_ON_VERSION"
  local dir="$TOOLS/kubeconform-schemas-$version"
  build_keda
  fetch_http_add_on_crds
  _generate() {
    local k8s
    k8s="$(cd "$TOOLS" && go mod download -json "k8s.io/kubernetes@v$KUBERNETES_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
    node "$ROOT/scripts/conformance/schemas/generate.cjs" "$dir" "$k8s/api/openapi-spec/v3" \
      "$TOOLS/keda-$KEDA_VERSION/crds" "$TOOLS/http-add-on-$HTTP_ADD_ON_VERSION/crds"
  }
  build_once kubeconform-schemas "$version" "$dir" _generate
}

go_tool() { # name version module-path@version
  local name="$1" version="$2" pkg="$3"
  local dir="$TOOLS/$name-$version"
  build_once "$name" "$version" "$dir" env GOBIN="$dir/bin" go install -trimpath -ldflags "-s -w" "$pkg"
}

install_checkov() {
  local dir="$TOOLS/checkov-$CHECKOV_VERSION"
  _venv() {
    python3 -m venv "$dir/venv"
    "$dir/venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
  }
  build_once checkov "$CHECKOV_VERSION" "$dir" _venv
}

apt_packages() { # installs the named Debian packages when a command is missing
  local missing=()
  for pair in "$@"; do
    local cmd="${pair%%:*}" pkg="${pair##*:}"
    command -v "$cmd" >/dev/null 2>&1 || [[ -x "$cmd" ]] || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    # These packages ship servers (dockerd, registry, RabbitMQ) whose Debian units listen on every
    # interface once started. This machine's /usr/sbin/policy-rc.d forbids starting services from
    # apt; without it, refuse rather than start a server on the machine's network.
    if [[ ! -x /usr/sbin/policy-rc.d ]]; then
      log "refusing to apt-get install ${missing[*]}: no /usr/sbin/policy-rc.d, so apt would start their services"
      return 1
    fi
    log "apt-get install ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_one() {
  case "$1" in
    providers) install_providers ;;
    kubernetes) build_kubernetes ;;
    etcd) build_etcd ;;
    keda) build_keda ;;
    http-add-on) fetch_http_add_on_crds ;;
    schemas) generate_schemas ;;
    kubeconform) go_tool kubeconform "$KUBECONFORM_VERSION" "github.com/yannh/kubeconform/cmd/kubeconform@v$KUBECONFORM_VERSION" ;;
    kube-score) go_tool kube-score "$KUBE_SCORE_VERSION" "github.com/zegl/kube-score/cmd/kube-score@v$KUBE_SCORE_VERSION" ;;
    checkov) install_checkov ;;
    docker) apt_packages /usr/sbin/dockerd:docker.io /usr/bin/docker-registry:docker-registry debootstrap:debootstrap ;;
    # The e2e:cluster RabbitMQ scaling case; the runner starts it itself on 127.0.0.1.
    rabbitmq) apt_packages /usr/lib/rabbitmq/bin/rabbitmq-server:rabbitmq-server ;;
    *) log "unknown tool: $1"; return 2 ;;
  esac
}

if (($# == 0)); then set -- etcd kubernetes keda http-add-on kubeconform kube-score checkov schemas docker rabbitmq providers; fi
for tool in "$@"; do install_one "$tool"; done
