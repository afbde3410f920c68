import { Construct } from "constructs";
import { DataResource, Token } from "cdktf";

/**
 * The script the gate runs with `node -e` during apply (Node is a prerequisite of the project, and
 * the script needs nothing but Node's standard library). It gets a token exactly as the
 * kubernetes and helm providers do (the same `kubelogin get-token` exec), then asks the API server
 * whether that identity may create namespaces (a SelfSubjectAccessReview, which every signed-in
 * identity may send). Azure RBAC answers "denied" until the role assignment has propagated; the
 * script retries every `KFA_POLL_SECONDS` until allowed, and fails after `KFA_TIMEOUT_SECONDS`.
 */
export const WAIT_FOR_CLUSTER_ACCESS_SCRIPT = String.raw`
const { execFileSync } = require("node:child_process");
const https = require("node:https");
const env = process.env;
const deadline = Date.now() + Number(env.KFA_TIMEOUT_SECONDS) * 1000;
const ca = Buffer.from(env.KFA_CA_B64, "base64");
const review = JSON.stringify({
  apiVersion: "authorization.k8s.io/v1",
  kind: "SelfSubjectAccessReview",
  spec: { resourceAttributes: { verb: "create", resource: "namespaces" } },
});
function token() {
  const out = execFileSync(env.KFA_CREDENTIAL_COMMAND, JSON.parse(env.KFA_CREDENTIAL_ARGS), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out).status.token;
}
function ask(bearer) {
  return new Promise((resolve, reject) => {
    const url = new URL("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", env.KFA_HOST);
    const request = https.request(url, {
      method: "POST",
      ca,
      timeout: 30000,
      headers: { Authorization: "Bearer " + bearer, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(review) },
    }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, body }));
    });
    request.on("timeout", () => request.destroy(new Error("no answer in 30 s")));
    request.on("error", reject);
    request.end(review);
  });
}
(async () => {
  for (let attempt = 1; ; attempt++) {
    let reason;
    try {
      const answer = await ask(token());
      const status = answer.status === 201 ? JSON.parse(answer.body).status || {} : undefined;
      if (status && status.allowed === true) {
        console.log("cluster access: allowed to create namespaces (attempt " + attempt + ")");
        return;
      }
      reason = status ? "denied" + (status.reason ? ": " + status.reason : "") : "HTTP " + answer.status;
    } catch (error) {
      reason = error.message.split("\n")[0];
    }
    if (Date.now() >= deadline) {
      console.error("cluster access: still not allowed to create namespaces after " + env.KFA_TIMEOUT_SECONDS + " s (" + reason + "). " +
        "The deploying identity needs \"Azure Kubernetes Service RBAC Cluster Admin\" on the cluster (the cluster stack assigns it); " +
        "if it was just assigned, Azure RBAC may need longer: run the deploy again.");
      process.exit(1);
    }
    console.log("cluster access: not yet (" + reason + "), attempt " + attempt + ", next in " + env.KFA_POLL_SECONDS + " s");
    await new Promise((resolve) => setTimeout(resolve, Number(env.KFA_POLL_SECONDS) * 1000));
  }
})();
`;

/** Props of {@link ClusterAccessGate}. */
export interface ClusterAccessGateProps {
  /** API server URL, e.g. `https://<fqdn>:443`. */
  readonly host: string;
  /** Base64-encoded PEM of the cluster CA, as AKS returns it. */
  readonly clusterCaCertificate: string;
  /** The exec command that prints an ExecCredential: the one the kubernetes/helm providers use. */
  readonly credentialCommand: { readonly command: string; readonly args: readonly string[] };
  /** Object id of the identity running apply: a new identity re-runs the check. */
  readonly deployerObjectId: string;
  /** How long to wait for Azure RBAC to propagate. @default 900 (15 minutes) */
  readonly timeoutSeconds?: number;
  /** Seconds between checks. @default 10 */
  readonly pollSeconds?: number;
}

/**
 * Waits during apply until the identity running Terraform may create namespaces in the cluster.
 * AKS authorizes with Azure RBAC, and a new role assignment takes minutes to reach the API
 * server: without the wait, the first deploy's Kubernetes objects fail with 403 right after the
 * cluster stack assigned the role. Make every resource that talks to the cluster depend on
 * `ready`.
 *
 * A `terraform_data` resource with a `local-exec` provisioner (no extra provider: the time
 * provider's `time_sleep` would only guess a duration). It runs when first created and again
 * whenever the API server or the deploying identity changes (`triggers_replace`); otherwise later
 * applies skip it.
 */
export class ClusterAccessGate extends Construct {
  /** Depend on this: it exists once the deployer's access was confirmed. */
  readonly ready: DataResource;

  constructor(scope: Construct, id: string, props: ClusterAccessGateProps) {
    super(scope, id);
    const timeoutSeconds = props.timeoutSeconds ?? 900;
    const pollSeconds = props.pollSeconds ?? 10;
    for (const [name, value] of [["timeoutSeconds", timeoutSeconds], ["pollSeconds", pollSeconds]] as const) {
      if (!Token.isUnresolved(value) && !(Number.isInteger(value) && value > 0)) {
        throw new Error(`ClusterAccessGate at "${this.node.path}": ${name} = ${value}: must be a whole number of seconds > 0. Fix: use e.g. ${name === "timeoutSeconds" ? 900 : 10}`);
      }
    }
    this.ready = new DataResource(this, "ready", {
      triggersReplace: { host: props.host, deployer: props.deployerObjectId },
      provisioners: [
        {
          type: "local-exec",
          interpreter: ["node", "-e"],
          command: WAIT_FOR_CLUSTER_ACCESS_SCRIPT,
          environment: {
            KFA_HOST: props.host,
            KFA_CA_B64: props.clusterCaCertificate,
            KFA_CREDENTIAL_COMMAND: props.credentialCommand.command,
            KFA_CREDENTIAL_ARGS: JSON.stringify(props.credentialCommand.args),
            KFA_TIMEOUT_SECONDS: String(timeoutSeconds),
            KFA_POLL_SECONDS: String(pollSeconds),
          },
        },
      ],
    });
  }
}
