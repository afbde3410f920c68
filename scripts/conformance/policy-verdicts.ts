// Run by the conformance command (`node scripts/run-app.mjs scripts/conformance/policy-verdicts.ts <dir>`):
// writes every fixture case of the policy pack as the files the real tools read (cdk.tf.json for
// checkov's terraform_json, manifests.yaml for checkov's kubernetes framework and kube-score), and prints
// our rules' verdicts on them as JSON. Each case gets a namespace of its own (fx-<n>), so graph checks
// that relate objects across files cannot link one case's pods to another case's policies.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { kubernetesObjects } from "../../constructs/policy/kubernetes";
import { RULE_FIXTURES, ourVerdict, realToolIds, ruleById } from "./fixtures";
import { NAMESPACE } from "./fixtures/kubernetes";
import { FixtureCase } from "./fixtures/types";

const out = process.argv[3];
if (out === undefined) throw new Error("usage: policy-verdicts.ts <output-dir>");

/** The case with its namespace renamed, so no two cases share one. */
function isolate(fixture: FixtureCase, namespace: string): FixtureCase {
  const text = JSON.stringify(fixture.stack).replaceAll(`"namespace":"${NAMESPACE}"`, `"namespace":"${namespace}"`);
  return { ...fixture, stack: JSON.parse(text) };
}

const cases = [];
let n = 0;
for (const fixtures of RULE_FIXTURES) {
  const rule = ruleById(fixtures.rule);
  const claimed = realToolIds(rule);
  for (const [expected, list] of [["fail", fixtures.bad], ["pass", fixtures.nearMiss]] as const) {
    for (const original of list) {
      n += 1;
      const id = `case-${String(n).padStart(3, "0")}`;
      const fixture = isolate(original, `fx-${n}`);
      const objects = kubernetesObjects(fixture.stack);
      const dir = join(out, objects.length > 0 ? "kubernetes" : "terraform", id);
      mkdirSync(dir, { recursive: true });
      let subject: Record<string, string>;
      if (objects.length > 0) {
        writeFileSync(join(dir, "manifests.yaml"), objects.map((o) => stringify(o)).join("---\n"));
        const resource = Object.values(fixture.stack.resource!["kubernetes_manifest"]!).find((r) => r["//"].metadata.path === fixture.subject)!;
        const m = resource.manifest;
        subject = { kind: m.kind, name: m.metadata.name, namespace: m.metadata.namespace ?? "default" };
      } else {
        writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(fixture.stack, null, 2));
        const [type, byId] = Object.entries(fixture.stack.resource!)[0]!;
        // checkov names a resource of CDKTF JSON "resource.<logical id>" in its resource checks and
        // "<type>.<logical id>" in its graph (CKV2_*) checks.
        const id = Object.keys(byId)[0];
        subject = { address: `resource.${id}`, graphAddress: `${type}.${id}` };
      }
      cases.push({
        id,
        dir,
        framework: objects.length > 0 ? "kubernetes" : "terraform_json",
        rule: rule.id,
        name: original.name,
        expected,
        ours: ourVerdict(rule, fixture),
        checks: original.checks ?? claimed,
        claimed,
        subject,
      });
    }
  }
}
process.stdout.write(JSON.stringify(cases));
