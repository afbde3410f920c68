// Where the pinned real tools live (scripts/tools/versions.sh) and making sure they are built.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The `NAME=value` lines of scripts/tools/versions.sh. */
export function readVersions(root) {
  const text = readFileSync(join(root, "scripts", "tools", "versions.sh"), "utf8");
  const versions = {};
  for (const match of text.matchAll(/^([A-Z_]+)=([^\s$"]+)\s*$/gm)) versions[match[1]] = match[2];
  return versions;
}

/** Paths of every binary and CRD folder the e2e run needs. */
export function toolPaths(root) {
  const v = readVersions(root);
  const tools = process.env.KFA_TOOLS_DIR ?? join(homedir(), ".cache", "keda-functions-aks", "tools");
  const kubernetes = join(tools, `kubernetes-${v.KUBERNETES_VERSION}`);
  const keda = join(tools, `keda-${v.KEDA_VERSION}`);
  const etcd = join(tools, `etcd-${v.ETCD_VERSION}`);
  const httpAddOn = join(tools, `http-add-on-${v.HTTP_ADD_ON_VERSION}`);
  return {
    versions: v,
    folders: { etcd, kubernetes, keda, "http-add-on": httpAddOn },
    etcd: join(etcd, "bin", "etcd"),
    kubeApiserver: join(kubernetes, "bin", "kube-apiserver"),
    kubeControllerManager: join(kubernetes, "bin", "kube-controller-manager"),
    kubectl: join(kubernetes, "bin", "kubectl"),
    kedaOperator: join(keda, "bin", "operator"),
    kedaWebhooks: join(keda, "bin", "webhooks"),
    kedaCrds: join(keda, "crds"),
    httpAddOnCrds: join(httpAddOn, "crds"),
  };
}

/**
 * Builds the tools whose `.complete` stamp is missing with scripts/tools/install.sh (a clean clone's
 * first run; minutes), so a warm run only checks the stamps.
 */
export function ensureTools(root, paths, log) {
  const missing = Object.entries(paths.folders)
    .filter(([, folder]) => !existsSync(join(folder, ".complete")))
    .map(([name]) => name);
  if (missing.length === 0) return;
  log(`building missing tools: ${missing.join(", ")} (scripts/tools/install.sh; cold build, see $TOOLS/timings.tsv)`);
  const result = spawnSync("bash", [join(root, "scripts", "tools", "install.sh"), ...missing], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`scripts/tools/install.sh ${missing.join(" ")} failed with exit code ${result.status}`);
}
