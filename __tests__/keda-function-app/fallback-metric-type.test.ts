import { ScaledObjectTrigger as KedaTrigger } from "../../constructs/keda-function-app/keda-triggers";
import { renderWorkerScaledObject } from "../../constructs/keda-function-app/render/scaling";
import { baseSpec, manifests, requiredProps, synthApp } from "../support/keda-function-app";
import { synthEnvironment } from "../support/synth-app";

/**
 * Issue 11 item 9. KEDA 2.17.0's admission webhook (`CheckFallbackValid` in
 * apis/keda/v1alpha1/scaledobject_types.go) accepts a ScaledObject with a `fallback` only when
 * a trigger other than cpu/memory has `metricType == "AverageValue"`, written out: an empty
 * metricType counts as AverageValue only from 2.17.1 on (kedacore/keda#6696). Transcribed here
 * for 2.17.0; the real webhook judges the same objects in the e2e run.
 */
function keda2170RejectsFallback(scaledObject: any): string | undefined {
  if (scaledObject.spec.fallback === undefined) return undefined;
  const ok = scaledObject.spec.triggers.some((t: any) => t.type !== "cpu" && t.type !== "memory" && t.metricType === "AverageValue");
  return ok ? undefined : "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled";
}

const queue: KedaTrigger = { type: "azure-queue", name: "worker", metadata: { queueName: "jobs", queueLength: "16", accountName: "stdemo" } };
const cpu: KedaTrigger = { type: "cpu", name: "cpu", metricType: "Utilization", metadata: { value: "70" } };
const withTriggers = (triggers: KedaTrigger[], options: { fallback: boolean } = { fallback: true }) =>
  renderWorkerScaledObject(baseSpec({ scaling: { ...baseSpec().scaling, triggers, fallback: options.fallback ? baseSpec().scaling.fallback : undefined } }))!;

describe("a ScaledObject with a fallback writes metricType AverageValue on its scaler triggers (issue 11 item 9)", () => {
  test("only required props: the mapped queue trigger says AverageValue and KEDA 2.17.0 accepts the fallback", () => {
    const scaled = manifests(synthApp(requiredProps()).json).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.fallback).toEqual({ failureThreshold: 3, replicas: 1 });
    expect(scaled.spec.triggers.map((t: any) => t.metricType)).toEqual(["AverageValue"]);
    expect(keda2170RejectsFallback(scaled)).toBeUndefined();
  });

  test.each(["dev", "prod"])("%s workload stack: every ScaledObject with a fallback passes KEDA 2.17.0's rule", (environment) => {
    const scaled = manifests(synthEnvironment(environment).stack(`${environment}-workload`)).filter((o) => o.kind === "ScaledObject");
    expect(scaled.length).toBeGreaterThan(0);
    for (const object of scaled.filter((o) => o.spec.fallback !== undefined)) {
      expect(keda2170RejectsFallback(object)).toBeUndefined();
      for (const trigger of object.spec.triggers) expect(trigger.metricType).toBe("AverageValue");
    }
  });

  test("every scaler trigger gets it, not only the first; cpu keeps Utilization and the fallback stays", () => {
    const blob: KedaTrigger = { type: "azure-blob", name: "uploads", metadata: { blobContainerName: "uploads", accountName: "stdemo" } };
    const scaled = withTriggers([queue, blob, cpu]);
    expect(scaled.spec.triggers.map((t) => [t.type, t.metricType])).toEqual([
      ["azure-queue", "AverageValue"],
      ["azure-blob", "AverageValue"],
      ["cpu", "Utilization"],
    ]);
    expect(scaled.spec.fallback).toEqual({ failureThreshold: 3, replicas: 1 });
    expect(keda2170RejectsFallback(scaled)).toBeUndefined();
  });

  test("an explicit metricType is the user's choice and kept", () => {
    const scaled = withTriggers([{ ...queue, metricType: "Value" }, { ...queue, name: "other" }]);
    expect(scaled.spec.triggers.map((t) => t.metricType)).toEqual(["Value", "AverageValue"]);
    expect(keda2170RejectsFallback(scaled)).toBeUndefined();
  });

  test("no trigger KEDA can fall back for (only cpu, or only Value metrics): no fallback, so the webhook has nothing to reject", () => {
    for (const triggers of [[cpu], [{ ...queue, metricType: "Value" as const }]]) {
      const scaled = withTriggers(triggers);
      expect(scaled.spec).not.toHaveProperty("fallback");
      expect(keda2170RejectsFallback(scaled)).toBeUndefined();
    }
  });

  test("near miss: without a fallback the triggers are rendered as given (KEDA's default applies)", () => {
    const scaled = withTriggers([queue], { fallback: false });
    expect(scaled.spec).not.toHaveProperty("fallback");
    expect(scaled.spec.triggers[0]).not.toHaveProperty("metricType");
  });

  test("the transcribed rule can fail: a fallback with a trigger without metricType is what 2.17.0 rejects", () => {
    expect(keda2170RejectsFallback({ spec: { fallback: { failureThreshold: 3, replicas: 1 }, triggers: [{ type: "azure-queue", metadata: {} }] } })).toMatch(/AverageValue/);
  });
});
