// The real kubectl (built with the API server) against the e2e cluster.
import { spawn } from "node:child_process";

/**
 * A kubectl bound to one kubeconfig. `run(args, { input, allowFailure })` resolves with
 * `{ code, stdout, stderr }`; it rejects on a non-zero exit unless `allowFailure` (kubectl diff
 * exits 1 when there are differences).
 */
export function kubectlFor(binary, kubeconfig) {
  const run = (args, { input, allowFailure = false, timeoutMs = 60_000 } = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(binary, [`--kubeconfig=${kubeconfig}`, ...args], {
        stdio: ["pipe", "pipe", "pipe"],
        // kubectl diff runs $KUBECTL_EXTERNAL_DIFF or `diff -u -N`; pin the latter.
        env: { ...process.env, KUBECTL_EXTERNAL_DIFF: "" },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.once("error", reject);
      child.once("close", (code, signal) => {
        clearTimeout(timer);
        const result = { code: code ?? signal, stdout, stderr };
        if (code !== 0 && !allowFailure) {
          reject(new Error(`kubectl ${args.join(" ")} exited ${code ?? signal}:\n${stderr || stdout}`));
        } else resolve(result);
      });
      child.stdin.end(input ?? "");
    });
  return {
    binary,
    run,
    /** `kubectl get -o json` of one object, or undefined when it does not exist. */
    async getJson(kind, name, namespace) {
      const args = ["get", kind, name, "-o", "json", ...(namespace ? ["-n", namespace] : [])];
      const result = await run(args, { allowFailure: true });
      if (result.code !== 0) {
        if (/NotFound/.test(result.stderr)) return undefined;
        throw new Error(`kubectl ${args.join(" ")}: ${result.stderr}`);
      }
      return JSON.parse(result.stdout);
    },
  };
}
