import { Fn, Token } from "cdktf";
import {
  checkClusterName,
  checkDnsPrefix,
  checkFederatedCredentialName,
  checkManagedIdentityName,
  checkNodePoolName,
  checkRegistryName,
  checkResourceGroupName,
  checkResourceName,
  checkStorageAccountName,
} from "../../constructs/core/azure-names";
import { checkConfigMapKey, checkDns1035Label, checkDnsLabel, checkDnsSubdomain, checkLabelValue } from "../../constructs/core/kubernetes-names";
import { StringCheck, patternCheck } from "../../constructs/core/pattern-check";
import { checkPortName } from "../../constructs/core/ports";
import { Violation, show } from "../../constructs/core/validation";
import { checkHostId } from "../../constructs/keda-function-app/host-id";

const line = (v: Violation | undefined) => (v === undefined ? undefined : `${v.property} = ${show(v.value)}: ${v.rule}. Fix: ${v.fix}`);

describe("patternCheck", () => {
  const check = patternCheck({ pattern: /^[a-z]+$/, maxLength: 5, rule: "must be 1-5 lowercase letters", fix: (value) => `try ${JSON.stringify(value.toLowerCase())}` });

  test("a value that matches and fits complies", () => {
    expect(check("name", "abcde")).toBeUndefined();
  });

  test.each([
    ["breaks the pattern", "abC", 'name = "abC": must be 1-5 lowercase letters. Fix: try "abc"'],
    ["matches but is one character too long", "abcdef", 'name = "abcdef": must be 1-5 lowercase letters. Fix: try "abcdef"'],
  ])("a value that %s is a violation naming property, value, rule and fix", (_case, value, expected) => {
    expect(line(check("name", value))).toBe(expected);
  });

  test("a fixed fix is used as it is", () => {
    expect(patternCheck({ pattern: /^x$/, rule: "must be x", fix: "use x" })("p", "y")).toEqual({ property: "p", value: "y", rule: "must be x", fix: "use x" });
  });

  test.each([/^a$/g, /^a$/y])("refuses the stateful pattern %s", (pattern) => {
    expect(() => patternCheck({ pattern, rule: "r", fix: "f" })).toThrow("patternCheck needs a pattern without the g or y flag");
  });

  test("never judges a Terraform token as a literal (its placeholder breaks most grammars)", () => {
    const token = Token.asString(Fn.lower("Not A Name"));
    expect(check("name", token)).toBeUndefined();
    expect(checkDnsLabel("namespace", `${token}-apps`)).toBeUndefined();
  });

  test.each([undefined, null, 42])("a value that is not a string (%p, from JS or JSON) is a violation, never judged as its String()", (value) => {
    const lowercase = patternCheck({ pattern: /^[a-z]+$/, rule: "must be lowercase letters", fix: "use letters" });
    expect(lowercase("name", value as unknown as string)).toEqual({ property: "name", value, rule: "must be lowercase letters", fix: "use letters" });
    expect(checkNodePoolName("name", value as unknown as string)).toBeDefined();
  });

  test("gives the same answer on repeated calls", () => {
    expect([check("p", "abc"), check("p", "abc")]).toEqual([undefined, undefined]);
  });
});

// Every grammar stated with patternCheck: a value that breaks it (full message) and a near miss that complies.
const cases: Array<[string, StringCheck, string, string, string]> = [
  ["registry name", checkRegistryName, "acr-kedafn", `p = "acr-kedafn": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "acrkedafn"`, "acrKedafn1"],
  ["registry name: too short", checkRegistryName, "acr1", `p = "acr1": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "acr10"`, "acr12"],
  ["cluster name", checkClusterName, "aks-kedafn-", `p = "aks-kedafn-": must be 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit (Microsoft.ContainerService/managedClusters). Fix: remove other characters and shorten the name`, "aks_kedafn-1"],
  ["cluster name: 64 characters", checkClusterName, "a".repeat(64), `p = "${"a".repeat(64)}": must be 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit (Microsoft.ContainerService/managedClusters). Fix: remove other characters and shorten the name`, "a".repeat(63)],
  ["DNS prefix", checkDnsPrefix, "kedafn_dev", `p = "kedafn_dev": must be 1-54 letters, digits and '-', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix). Fix: remove other characters and shorten the prefix`, "kedafn-dev"],
  ["DNS prefix: 55 characters", checkDnsPrefix, "a".repeat(55), `p = "${"a".repeat(55)}": must be 1-54 letters, digits and '-', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix). Fix: remove other characters and shorten the prefix`, "a".repeat(54)],
  ["node pool name", checkNodePoolName, "1System", `p = "1System": must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName). Fix: use a name such as "system"`, "system1"],
  ["node pool name: 13 characters", checkNodePoolName, "a".repeat(13), `p = "${"a".repeat(13)}": must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName). Fix: use a name such as "${"a".repeat(12)}"`, "a".repeat(12)],
  ["resource group name: trailing '.'", checkResourceGroupName, "rg-kedafn.", `p = "rg-kedafn.": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`, "rg.kedafn(dev)"],
  ["resource group name: 91 characters", checkResourceGroupName, "r".repeat(91), `p = "${"r".repeat(91)}": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`, "é".repeat(90)],
  ["storage account name", checkStorageAccountName, "St-Kedafn", `p = "St-Kedafn": must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique. Fix: use a name such as "stkedafn"`, "stkedafn"],
  ["storage account name: 25 characters", checkStorageAccountName, "s".repeat(25), `p = "${"s".repeat(25)}": must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique. Fix: use a name such as "${"s".repeat(24)}"`, "s".repeat(24)],
  ["resource name", checkResourceName, "vnet-kedafn.", `p = "vnet-kedafn.": must be 1-80 letters, digits, '-', '_' and '.', starting with a letter or digit and ending with a letter, digit or '_'. Fix: remove other characters and shorten the name`, "vnet.kedafn_"],
  ["managed identity name", checkManagedIdentityName, "id.kedafn", `p = "id.kedafn": must be 3-128 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities). Fix: remove other characters (such as '.' or spaces) and keep the name between 3 and 128 characters`, "id-kedafn_1"],
  ["managed identity name: 129 characters", checkManagedIdentityName, "i".repeat(129), `p = "${"i".repeat(129)}": must be 3-128 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities). Fix: remove other characters (such as '.' or spaces) and keep the name between 3 and 128 characters`, "i".repeat(128)],
  ["federated credential name", checkFederatedCredentialName, "fc", `p = "fc": must be 3-120 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials). Fix: remove other characters (such as '.' or ':') and keep the name between 3 and 120 characters`, "fc1"],
  ["DNS-1123 label", checkDnsLabel, "Http_Svc", `p = "Http_Svc": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "http-svc"`, "9-http-svc"],
  ["DNS-1123 label: 64 characters", checkDnsLabel, "l".repeat(64), `p = "${"l".repeat(64)}": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "${"l".repeat(63)}"`, "l".repeat(63)],
  ["DNS-1123 label of at most 40", (p, v) => checkDnsLabel(p, v, 40), "l".repeat(41), `p = "${"l".repeat(41)}": must be a Kubernetes DNS-1123 label: 1-40 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "${"l".repeat(40)}"`, "l".repeat(40)],
  ["DNS-1035 label", checkDns1035Label, "9app", `p = "9app": must be a Kubernetes DNS-1035 label (it names a Service): 1-63 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit. Fix: use a name such as "app"`, "app9"],
  ["DNS-1035 label of at most 30", (p, v) => checkDns1035Label(p, v, 30), "a".repeat(31), `p = "${"a".repeat(31)}": must be a Kubernetes DNS-1035 label (it names a Service): 1-30 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit. Fix: use a name such as "${"a".repeat(30)}"`, "a".repeat(30)],
  ["DNS-1123 subdomain", checkDnsSubdomain, "keda..operator", `p = "keda..operator": must be a Kubernetes DNS-1123 subdomain: 1-253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit. Fix: use a name such as "keda-operator"`, "keda.operator"],
  ["DNS-1123 subdomain: 254 characters", checkDnsSubdomain, `${"a".repeat(63)}.`.repeat(3) + "a".repeat(62), `p = "${`${"a".repeat(63)}.`.repeat(3) + "a".repeat(62)}": must be a Kubernetes DNS-1123 subdomain: 1-253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit. Fix: use a name such as "${"a".repeat(63)}"`, `${"a".repeat(63)}.`.repeat(3) + "a".repeat(61)],
  ["Secret/ConfigMap key", checkConfigMapKey, "AzureFunctionsJobHost:logging", `p = "AzureFunctionsJobHost:logging": must be a valid Secret/ConfigMap key: 1-253 letters, digits, '-', '_' and '.'. Fix: rename the setting, e.g. "AzureFunctionsJobHost__logging" (nested settings use "__" instead of ":")`, "AzureFunctionsJobHost__logging"],
  ["Secret/ConfigMap key: 254 characters", checkConfigMapKey, "k".repeat(254), `p = "${"k".repeat(254)}": must be a valid Secret/ConfigMap key: 1-253 letters, digits, '-', '_' and '.'. Fix: rename the setting, e.g. "${"k".repeat(253)}" (nested settings use "__" instead of ":")`, "k".repeat(253)],
  ["label value", checkLabelValue, "team.", `p = "team.": must be a valid Kubernetes label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. Fix: shorten the value and remove other characters`, "Team.a_b-c"],
  ["label value: 64 characters", checkLabelValue, "v".repeat(64), `p = "${"v".repeat(64)}": must be a valid Kubernetes label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. Fix: shorten the value and remove other characters`, "v".repeat(63)],
  ["port name: no letter", checkPortName, "8080", `p = "8080": must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row. Fix: use e.g. "http"`, "8080a"],
  ["port name: '--'", checkPortName, "my--port", `p = "my--port": must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row. Fix: use e.g. "http"`, "my-port-1"],
  ["port name: 16 characters", checkPortName, "p".repeat(16), `p = "${"p".repeat(16)}": must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row. Fix: use e.g. "http"`, "p".repeat(15)],
  ["Functions host id", checkHostId, "kedafn--dev", `p = "kedafn--dev": must be a Functions host id: 1-32 lowercase letters, digits and '-', no '-' at either end and no '--'. Fix: omit hostId to derive one from name and namespace, or shorten and lowercase it`, "kedafn-dev"],
  ["Functions host id: 33 characters", checkHostId, "h".repeat(33), `p = "${"h".repeat(33)}": must be a Functions host id: 1-32 lowercase letters, digits and '-', no '-' at either end and no '--'. Fix: omit hostId to derive one from name and namespace, or shorten and lowercase it`, "h".repeat(32)],
];

describe.each(cases)("%s", (_name, check, bad, expected, nearMiss) => {
  test("refuses the bad value with the full message", () => {
    expect(line(check("p", bad))).toBe(expected);
  });

  test("accepts the near miss", () => {
    expect(check("p", nearMiss)).toBeUndefined();
  });
});
