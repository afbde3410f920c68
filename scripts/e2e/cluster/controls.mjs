// Negative controls: proof that each judge of the run can say no. If one of them passes what it
// must refuse, the run's green results mean nothing, so the run fails.
import { stringify } from "yaml";
import { roundTripDifferences } from "./round-trip.cjs";

const NAMESPACE = "e2e-controls";

function scaledObject(name, trigger) {
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: { name, namespace: NAMESPACE },
    spec: {
      scaleTargetRef: { name },
      fallback: { failureThreshold: 3, replicas: 1 },
      triggers: [{ type: "azure-queue", metadata: { queueName: "q", queueLength: "5", connectionFromEnv: "X" }, ...trigger }],
    },
  };
}

/** Runs the controls; returns `{ results, findings }`. */
export async function runControls(kubectl) {
  const results = [];
  const findings = [];
  const expect = (name, ok, detail) => {
    results.push({ control: name, ok, detail });
    if (!ok) findings.push({ check: "controls", message: `${name}: ${detail}` });
  };
  await kubectl.run(["create", "namespace", NAMESPACE]);

  // KEDA's webhook (2.17.2): a fallback needs an AverageValue trigger.
  const refused = await kubectl.run(["apply", "--server-side", "-f", "-"], {
    input: stringify(scaledObject("fallback-value", { metricType: "Value" })),
    allowFailure: true,
  });
  expect(
    "KEDA webhook refuses a fallback whose only trigger has metricType Value",
    refused.code !== 0 && /admission webhook "vscaledobject\.kb\.io" denied/.test(refused.stderr),
    refused.stderr.trim() || refused.stdout.trim(),
  );
  const accepted = await kubectl.run(["apply", "--server-side", "-f", "-"], {
    input: stringify(scaledObject("fallback-average", { metricType: "AverageValue" })),
    allowFailure: true,
  });
  expect("KEDA webhook admits the near miss (metricType AverageValue)", accepted.code === 0, accepted.stderr.trim() || accepted.stdout.trim());

  // The API server's own validation.
  const invalid = await kubectl.run(["apply", "--server-side", "-f", "-"], {
    input: stringify({ apiVersion: "v1", kind: "Service", metadata: { name: "1-starts-with-a-digit", namespace: NAMESPACE }, spec: { ports: [{ port: 80 }] } }),
    allowFailure: true,
  });
  expect("API server refuses a Service name that is not DNS-1035", invalid.code !== 0 && /Invalid value/.test(invalid.stderr), invalid.stderr.trim());

  // The round-trip check against the real normalization: `ingress: []` is dropped, its near miss is not.
  const policy = (name, spec) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace: NAMESPACE },
    spec: { podSelector: { matchLabels: { app: name } }, policyTypes: ["Ingress"], ...spec },
  });
  for (const [name, spec, wantDrift] of [
    ["empty-ingress", { ingress: [] }, true],
    ["no-ingress", {}, false],
  ]) {
    const sent = policy(name, spec);
    await kubectl.run(["apply", "--server-side", "-f", "-"], { input: stringify(sent) });
    const live = await kubectl.getJson("networkpolicy", name, NAMESPACE);
    const differences = roundTripDifferences(sent, live);
    expect(
      `round trip ${wantDrift ? "reports" : "accepts"} a NetworkPolicy with ${wantDrift ? "ingress: []" : "no ingress field"}`,
      wantDrift ? differences.some((d) => d.path === "spec.ingress") : differences.length === 0,
      JSON.stringify(differences),
    );
  }
  return { results, findings };
}
