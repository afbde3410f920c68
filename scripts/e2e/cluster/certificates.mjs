// The throwaway PKI of one e2e run, made with openssl in the run's temp folder: a CA, serving
// certificates for 127.0.0.1, client certificates for the admin and the controller-manager, and the
// service-account signing key. Nothing leaves the temp folder; it is deleted with it.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

function openssl(args, cwd) {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

/** An EC P-256 key (fast to make on a busy 2-core machine; Go's TLS and the API server accept it). */
function ecKey(dir, name) {
  openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${name}.key`], dir);
}

/** Issues `<name>.crt` signed by the CA; `san` (e.g. "IP:127.0.0.1") makes it a serving certificate. */
function issue(dir, name, subject, { san, usage }) {
  ecKey(dir, name);
  openssl(["req", "-new", "-key", `${name}.key`, "-subj", subject, "-out", `${name}.csr`], dir);
  const extensions = [
    "basicConstraints=critical,CA:FALSE",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    `extendedKeyUsage=${usage}`,
    ...(san ? [`subjectAltName=${san}`] : []),
  ];
  writeFileSync(join(dir, `${name}.ext`), `${extensions.join("\n")}\n`);
  openssl(
    ["x509", "-req", "-in", `${name}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
      "-days", "2", "-sha256", "-extfile", `${name}.ext`, "-out", `${name}.crt`],
    dir,
  );
  return { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
}

/**
 * Creates every certificate and key of the run in `dir`; returns their paths.
 * - apiserver: serving certificate of kube-apiserver (127.0.0.1, localhost)
 * - loopback: serving certificate (127.0.0.1) of KEDA's admission webhooks, KEDA's gRPC metrics
 *   service and kube-controller-manager
 * - admin: a client in `system:masters` (the run's own kubectl)
 * - controllerManager: `system:kube-controller-manager`, authorized by the default RBAC policy
 * - serviceAccountKey: signs service-account tokens (RS256)
 */
export function makePki(dir) {
  ecKey(dir, "ca");
  openssl(["req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=keda-functions-aks-e2e-ca", "-days", "2", "-sha256",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "ca.crt"], dir);
  const loopback = "IP:127.0.0.1,DNS:localhost";
  const pki = {
    ca: join(dir, "ca.crt"),
    apiserver: issue(dir, "apiserver", "/CN=kube-apiserver", { san: `${loopback},DNS:kubernetes,DNS:kubernetes.default`, usage: "serverAuth" }),
    loopback: issue(dir, "loopback", "/CN=keda-functions-aks-e2e-loopback", { san: loopback, usage: "serverAuth,clientAuth" }),
    admin: issue(dir, "admin", "/O=system:masters/CN=keda-functions-aks-e2e-admin", { usage: "clientAuth" }),
    controllerManager: issue(dir, "controller-manager", "/CN=system:kube-controller-manager", { usage: "clientAuth" }),
  };
  openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "sa.key"], dir);
  openssl(["pkey", "-in", "sa.key", "-pubout", "-out", "sa.pub"], dir);
  return { ...pki, serviceAccountKey: join(dir, "sa.key"), serviceAccountPublicKey: join(dir, "sa.pub") };
}
