import { Construct } from "constructs";
import { checkStorageAccountName } from "../../constructs/core/azure-names";
import { checkImageReference } from "../../constructs/core/image-reference";
import { checkDnsLabel, checkLabelValue } from "../../constructs/core/kubernetes-names";
import { checkPortName, checkPortNumber } from "../../constructs/core/ports";
import { Violation, show, validate } from "../../constructs/core/validation";
import { ResolvedProps, kedaFunctionAppRules } from "../../constructs/keda-function-app/validation";
import { validResolvedProps } from "../support/keda-function-app";

const line = (v: Violation | undefined) => (v === undefined ? undefined : `${v.property} = ${show(v.value)}: ${v.rule}. Fix: ${v.fix}`);

describe("Azure and Kubernetes names, label values and ports", () => {
  test.each([
    ["storage account: lowercase", () => checkStorageAccountName("storageAccountName", "St-Kedafn"), 'storageAccountName = "St-Kedafn": '],
    ["storage account: at most 24", () => checkStorageAccountName("storageAccountName", "stkedafnabcdefghijklmnopq"), 'storageAccountName = "stkedafnabcdefghijklmnopq": '],
    ["Service name: DNS label", () => checkDnsLabel("service", "Http_Svc"), 'service = "Http_Svc": must be a Kubernetes DNS-1123 label'],
    ["label value: at most 63", () => checkLabelValue("labels.team", "x".repeat(64)), `labels.team = "${"x".repeat(64)}": must be a valid Kubernetes label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. Fix: shorten the value and remove other characters`],
    ["label value: alphanumeric ends", () => checkLabelValue("labels.team", "-team"), `labels.team = "-team": must be a valid Kubernetes label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. Fix: shorten the value and remove other characters`],
    ["port: above 65535", () => checkPortNumber("containerPort", 70000), "containerPort = 70000: must be a port number: a whole number from 1 to 65535. Fix: use e.g. 8080 (ports above 1024 need no privileges)"],
    ["port: not 0", () => checkPortNumber("servicePort", 0), "servicePort = 0: must be a port number: a whole number from 1 to 65535. Fix: use e.g. 8080 (ports above 1024 need no privileges)"],
    ["port name: at most 15", () => checkPortName("ports[0].name", "http-metrics-port"), `ports[0].name = "http-metrics-port": must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row. Fix: use e.g. "http"`],
    ["port name: a letter", () => checkPortName("ports[0].name", "8080"), `ports[0].name = "8080": must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row. Fix: use e.g. "http"`],
    ["port name: no '--'", () => checkPortName("ports[0].name", "my--port"), `ports[0].name = "my--port": must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row. Fix: use e.g. "http"`],
  ])("%s", (_rule, check, expected) => {
    expect(line(check())).toEqual(expect.stringContaining(expected as string));
  });

  test.each([
    ["storage account", () => checkStorageAccountName("storageAccountName", "stkedafndev")],
    ["label value", () => checkLabelValue("labels.team", "team_a.b-c")],
    ["port", () => checkPortNumber("containerPort", 8080)],
    ["port name", () => checkPortName("ports[0].name", "http")],
  ])("a valid %s passes", (_name, check) => {
    expect(check()).toBeUndefined();
  });
});

describe("image reference grammar", () => {
  const GRAMMAR = "must be an image reference: [registry/]repository[:tag][@sha256:digest] with a lowercase repository";
  const VERSION = "must name an immutable version: a tag other than latest, or a digest";
  test.each([
    ["uppercase repository", "acrkedafndev.azurecr.io/Keda-Func:1.0", GRAMMAR],
    ["space", "acrkedafndev.azurecr.io/keda func:1.0", GRAMMAR],
    ["empty tag", "acrkedafndev.azurecr.io/keda-func:", GRAMMAR],
    ["short digest", "acrkedafndev.azurecr.io/keda-func@sha256:abc", GRAMMAR],
    ["latest", "acrkedafndev.azurecr.io/keda-func:latest", VERSION],
    ["untagged", "acrkedafndev.azurecr.io/keda-func", VERSION],
    ["uppercase sha256 digest", `acrkedafndev.azurecr.io/keda-func@sha256:${"A".repeat(64)}`, "a sha256 digest must be 64 lowercase hex characters"],
  ])("%s", (_case, value, rule) => {
    expect(checkImageReference("image", value)).toEqual(expect.objectContaining({ property: "image", value, rule }));
  });

  test.each([
    ["tag", "acrkedafndev.azurecr.io/keda-func:0f3c2a1b9d8e7f60"],
    ["tag and digest", `acrkedafndev.azurecr.io/keda-func:0f3c@sha256:${"a".repeat(64)}`],
    ["digest from a Terraform reference", "acrkedafndev.azurecr.io/keda-func:0f3c@${docker_registry_image.push.sha256_digest}"],
    ["registry with port", "localhost:5000/app:1.2.3"],
  ])("accepts a %s", (_case, value) => {
    expect(checkImageReference("image", value)).toBeUndefined();
  });
});

describe("KedaFunctionApp ScaledObject bounds", () => {
  const valid = validResolvedProps();

  function failure(changes: Partial<Record<keyof ResolvedProps, unknown>>): string[] {
    const scope = new Construct(undefined as never, "root");
    try {
      validate(new Construct(scope, "app"), "KedaFunctionApp", { ...valid, ...changes } as ResolvedProps, kedaFunctionAppRules);
    } catch (error) {
      return (error as Error).message.split("\n");
    }
    return [];
  }

  test("the base props are valid", () => {
    expect(failure({})).toEqual([]);
  });

  test.each([
    ["polling >= 1", { pollingInterval: 0 }, "  - pollingInterval = 0: must be a whole number >= 1. Fix: poll at most once a second (pollingInterval >= 1)"],
    ["cooldown >= 0", { cooldownPeriod: -5 }, "  - cooldownPeriod = -5: must be a whole number >= 0. Fix: use 0 or more seconds"],
    ["service port 1-65535", { servicePort: 70000 }, "  - servicePort = 70000: must be a whole number from 1 to 65535. Fix: use a TCP port number"],
    ["fallback threshold >= 1", { fallback: { failureThreshold: 0, replicas: 2 } }, "  - fallback.failureThreshold = 0: must be a whole number >= 1. Fix: use 1 or more failed checks"],
    ["fallback replicas >= 1", { fallback: { failureThreshold: 3, replicas: 0 } }, "  - fallback.replicas = 0: must be a whole number >= 1. Fix: keep at least 1 replica while the scaler fails"],
    ["pull secret names", { imagePullSecrets: ["Bad_Secret"] }, `  - imagePullSecrets[0] = "Bad_Secret": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "bad-secret"`],
  ])("%s", (_rule, changes, expected) => {
    const lines = failure(changes);
    expect(lines[0]).toBe('KedaFunctionApp at "root/app" has 1 invalid property:');
    expect(lines).toContain(expected);
  });

  test("three bad props give three lines in one error", () => {
    const lines = failure({ pollingInterval: 0, cooldownPeriod: -1, maxReplicas: 0 });
    expect(lines[0]).toBe('KedaFunctionApp at "root/app" has 3 invalid properties:');
    expect(lines.slice(1).map((l) => l.split(" = ")[0])).toEqual(["  - maxReplicas", "  - pollingInterval", "  - cooldownPeriod"]);
  });
});
