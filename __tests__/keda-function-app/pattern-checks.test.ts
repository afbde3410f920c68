import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Violation, show } from "../../constructs/core/validation";
import {
  checkBlobContainerName,
  checkQueueName,
  checkScalerType,
  checkServerAddress,
  settingName,
  storageAccount,
} from "../../constructs/keda-function-app/keda-trigger-checks";
import { grantRules, kedaFunctionAppRules } from "../../constructs/keda-function-app/validation";
import { validResolvedProps } from "../support/keda-function-app";

// The string grammars of KedaFunctionApp and the ones KedaTrigger's factories share, each stated with core's patternCheck: a value
// that breaks it (the full line of the synth error), a near miss that complies, and a Terraform
// variable, which only Terraform knows and which no check judges as a literal.

type Check = (property: string, value: string) => Violation | undefined;
const line = (v: Violation | undefined) => (v === undefined ? undefined : `${v.property} = ${show(v.value)}: ${v.rule}. Fix: ${v.fix}`);
const CONTAINER = "must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit";

const cases: Array<[string, Check, string, string, string]> = [
  ["queue name", checkQueueName, "jobs-", `p = "jobs-": ${CONTAINER}. Fix: use a name such as "jobs"`, "j-b"],
  ["queue name: 64 characters", checkQueueName, "a".repeat(64), `p = "${"a".repeat(64)}": ${CONTAINER}. Fix: use a name such as "jobs"`, "a".repeat(63)],
  ["blob container name", checkBlobContainerName, "in--coming", `p = "in--coming": ${CONTAINER}. Fix: use a name such as "incoming"`, "in-coming"],
  ["storage account name", storageAccount, "St1", `p = "St1": must be 3-24 lowercase letters and digits (a storage account name). Fix: use a name such as "stordersdata"`, "st1"],
  [
    "app setting name",
    settingName,
    "1Conn",
    `p = "1Conn": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit. Fix: use the setting's name, e.g. "RabbitMqConnection"`,
    "_Conn1",
  ],
  ["scaler type", checkScalerType, "Prometheus", `p = "Prometheus": must be a KEDA scaler type: lowercase letters, digits and '-'. Fix: use the scaler's name from keda.sh, e.g. "prometheus"`, "prometheus-2"],
  ["Prometheus server address", checkServerAddress, "http:///metrics", `p = "http:///metrics": must be an http(s) URL. Fix: write it like "http://prometheus.monitoring:9090"`, "http://p/api/v1 x"],
];

describe.each(cases)("%s", (_name, check, bad, expected, nearMiss) => {
  test("refuses a value that breaks it, naming property, value, rule and fix", () => {
    expect(line(check("p", bad))).toBe(expected);
  });

  test("accepts the near miss", () => {
    expect(check("p", nearMiss)).toBeUndefined();
  });

  test("passes a TerraformVariable's value", () => {
    const variable = new TerraformVariable(new TerraformStack(new App(), "tokens"), "value", { type: "string" });
    expect(check("p", variable.stringValue)).toBeUndefined();
  });

  test("refuses a value that is not a string (JS callers)", () => {
    expect(check("p", null as unknown as string)?.value).toBeNull();
  });
});

test("an unset optional storage account or setting name is not judged (exactlyOne reports a missing one)", () => {
  expect([storageAccount("p", undefined), settingName("p", undefined)]).toEqual([undefined, undefined]);
});

// keysSecretAnnotations' keys use the same patternCheck style (validation.ts), judged lowercased as the API server does.
describe("keysSecretAnnotations keys", () => {
  const violationsFor = (keys: string[]) =>
    kedaFunctionAppRules
      .map((rule) => rule({ ...validResolvedProps(), keysSecretAnnotations: Object.fromEntries(keys.map((k) => [k, "x"])) }))
      .filter((v) => v !== undefined && v.property.startsWith("keysSecretAnnotations"))
      .map(line);

  test("refuses a key with a space, naming the key as written", () => {
    expect(violationsFor(["Owner Team"])).toEqual([
      `keysSecretAnnotations["Owner Team"] = "Owner Team": must be a Kubernetes annotation key: an optional DNS-subdomain prefix and '/', then 1-63 letters, digits, '-', '_' and '.'. Fix: write it like "example.com/owner"`,
    ]);
  });

  test("accepts the near miss: an upper-case prefix (the API server lowercases it) and a 63-character name", () => {
    expect(violationsFor(["Example.com/owner", "a".repeat(63)])).toEqual([]);
  });

  test("passes a TerraformVariable's value as a key", () => {
    const variable = new TerraformVariable(new TerraformStack(new App(), "tokens"), "key", { type: "string" });
    expect(violationsFor([variable.stringValue])).toEqual([]);
  });
});

// grantRole/grantStorage scopes (validation.ts grantRules): Azure resource ids.
describe("role assignment scopes", () => {
  const scopeViolations = (scope: string) => grantRules.map((rule) => rule([{ property: "grantRole[0]", scope, role: "Reader" }])).filter((v) => v !== undefined).map(line);

  test("refuses a bare name", () => {
    expect(scopeViolations("kv-demo")).toEqual([
      `grantRole[0].scope = "kv-demo": must be an Azure resource id (/subscriptions/... or /providers/...). Fix: pass the resource's id attribute, e.g. storage.id`,
    ]);
  });

  test("accepts the near miss: a management group under /providers, in another case", () => {
    expect(scopeViolations("/PROVIDERS/Microsoft.Management/managementGroups/mg1")).toEqual([]);
  });

  test("passes a TerraformVariable's value", () => {
    const variable = new TerraformVariable(new TerraformStack(new App(), "tokens"), "scope", { type: "string" });
    expect(scopeViolations(variable.stringValue)).toEqual([]);
  });
});
