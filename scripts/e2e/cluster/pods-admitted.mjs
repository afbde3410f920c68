// The pod template judged as a Pod: the Deployment and ReplicaSet controllers create the Pods, and
// the API server's admission (Pod Security `restricted` on the app's namespace, ServiceAccount,
// LimitRanger, ...) admits or refuses each one. No kubelet runs, so admitted Pods stay Pending.
import { sleep } from "./processes.mjs";

/**
 * Waits until every Deployment among `objects` has as many Pod objects as its live spec.replicas,
 * or reports the ReplicaFailure (the ReplicaSet's FailedCreate: an admission refusal) it gets.
 * Returns `{ deployments, findings }`.
 */
export async function checkPodsAdmitted(kubectl, objects, { timeoutS = 45 } = {}) {
  const findings = [];
  const deployments = [];
  for (const sent of objects.filter((o) => o.kind === "Deployment")) {
    const { name, namespace } = sent.metadata;
    const deadline = Date.now() + timeoutS * 1000;
    let live;
    let failure;
    while (Date.now() < deadline) {
      live = await kubectl.getJson("deployment", name, namespace);
      if (live === undefined) break; // refused at apply: reported there
      failure = live?.status?.conditions?.find((c) => c.type === "ReplicaFailure" && c.status === "True");
      if (failure || (live?.status?.replicas ?? 0) >= live.spec.replicas) break;
      await sleep(500);
    }
    if (live === undefined) continue;
    const created = live.status?.replicas ?? 0;
    deployments.push({ deployment: `${namespace}/${name}`, replicas: live.spec.replicas, podsCreated: created });
    if (failure) {
      findings.push({ check: "pods-admitted", message: `Deployment ${namespace}/${name}: its Pods are refused: ${failure.reason}: ${failure.message}` });
    } else if (created < live.spec.replicas) {
      findings.push({ check: "pods-admitted", message: `Deployment ${namespace}/${name}: ${created} of ${live.spec.replicas} Pods created within ${timeoutS} s` });
    }
  }
  return { deployments, findings };
}
