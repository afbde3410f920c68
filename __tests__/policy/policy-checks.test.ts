import {
  ALL_RULES,
  PROJECT_EXCEPTIONS,
  PolicyResult,
  PolicyRule,
  evaluateStack,
  findings,
  StackDocument,
} from "../../constructs/policy";
import { ruleIds } from "../../constructs/policy/policy-rule";
import { environments } from "../../config";
import { PolicyException } from "../../config/environment";
import { PolicySuppression } from "../../constructs/policy/evaluate";
import { NON_COMPLIANT_STACK } from "../support/policy-fixtures";
import { synthEnvironment } from "../support/synth-app";

const ENVIRONMENTS = ["dev", "prod"] as const;

/** Every stack of dev and prod, synthesized once for the file. */
const stacks = new Map<string, StackDocument[]>();
beforeAll(() => {
  for (const env of ENVIRONMENTS) {
    const app = synthEnvironment(env);
    stacks.set(env, Object.keys(app.manifest.stacks).map((name) => app.stack(name) as StackDocument));
  }
});

/**
 * The rules' results over every stack of an environment. Evaluated inside each test, not in
 * beforeAll: mutation testing (npm run mutation) then sees which test runs which rule's code.
 */
function results(env: string, rules: readonly PolicyRule[] = ALL_RULES): PolicyResult[] {
  const suppressions = [...PROJECT_EXCEPTIONS, ...environmentSuppressions(env)];
  return stacks.get(env)!.flatMap((stack) => evaluateStack(stack, rules, suppressions));
}

/**
 * An environment's own exceptions as the stacks apply them: on the registry and the cluster
 * resource only (tests/stacks check that the stacks really attach them).
 */
function environmentSuppressions(env: string): PolicySuppression[] {
  const config = environments[env];
  const scoped = (exceptions: readonly PolicyException[], path: string) =>
    exceptions.flatMap((e) => e.ids.map((id): PolicySuppression => ({ id, reason: e.reason, pathPrefix: path })));
  return [
    ...scoped(config.registry.policyExceptions, `${env}-registry/Default/registry`),
    ...scoped(config.cluster.policyExceptions ?? [], `${env}-cluster/Default/cluster`),
  ];
}

/** One row per check ID (a rule's own ID and the IDs of other tools it stands for). */
const rows: Array<[string, PolicyRule]> = ALL_RULES.flatMap((rule) => ruleIds(rule).map((id): [string, PolicyRule] => [id, rule]));

function unsuppressed(env: string, rule: PolicyRule): PolicyResult[] {
  return findings(results(env, [rule]));
}

describe("default configuration (dev and prod) against each check ID", () => {
  test.each(rows)("%s", (_id, rule) => {
    const found = ENVIRONMENTS.flatMap((env) => unsuppressed(env, rule).map((r) => `${env}: ${r.path}`));
    expect(found).toEqual([]);
  });
});

describe("each check fails on a non-compliant stack", () => {
  test.each(rows)("%s", (_id, rule) => {
    const outcomes = evaluateStack(NON_COMPLIANT_STACK, [rule]).map((r) => r.outcome.status);
    expect(outcomes).toContain("non-compliant");
  });
});

describe("rule catalogue", () => {
  test("IDs are unique across rules", () => {
    const ids = rows.map(([id]) => id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test("covers at least 90 check IDs from checkov, trivy, kube-score, kube-linter and Pod Security", () => {
    expect(rows.length).toBeGreaterThanOrEqual(90);
    const prefixes = new Set(rows.map(([id]) => (id.startsWith("CKV") ? "checkov" : id.startsWith("AZU-") ? "trivy" : id.split(":")[0])));
    expect([...prefixes].sort()).toEqual(
      expect.arrayContaining(["PSS", "checkov", "kube-linter", "kube-score", "trivy"]),
    );
  });

  test("every error-level rule is met by dev and prod (synth would fail otherwise)", () => {
    const errors = ENVIRONMENTS.flatMap((env) => findings(results(env)).filter((r) => r.level === "error"));
    expect(errors).toEqual([]);
  });
});

describe("deliberate exceptions", () => {
  test("stay short: at most 5 entries", () => {
    expect(PROJECT_EXCEPTIONS.length).toBeLessThanOrEqual(5);
  });

  test.each(PROJECT_EXCEPTIONS.map((e) => [e.id, e] as const))("%s names a real rule and gives a reason", (id, exception) => {
    expect(rows.map(([ruleId]) => ruleId)).toContain(id);
    expect(exception.reason.length).toBeGreaterThanOrEqual(40);
  });

  test.each(PROJECT_EXCEPTIONS.map((e) => [e.id] as const))("%s is still needed (it suppresses a real finding)", (id) => {
    const suppressed = ENVIRONMENTS.flatMap((env) => results(env).filter((r) => r.suppressedBecause !== undefined && ruleIdsOf(r.ruleId).includes(id)));
    expect(suppressed.length).toBeGreaterThan(0);
  });

  // Risks one environment accepts live in its config; prod accepts fewer than dev.
  test.each([
    ["dev", 4],
    ["prod", 2],
  ] as const)("%s accepts at most %d risks of its own", (env, limit) => {
    const config = environments[env];
    expect(config.registry.policyExceptions.length + (config.cluster.policyExceptions ?? []).length).toBeLessThanOrEqual(limit);
  });

  test.each(ENVIRONMENTS.flatMap((env) => environmentSuppressions(env).map((s) => [env, s.id, s] as const)))(
    "%s: %s is still needed (it suppresses a real finding)",
    (env, id, suppression) => {
      const suppressed = results(env).filter((r) => r.suppressedBecause === suppression.reason && ruleIdsOf(r.ruleId).includes(id));
      expect(suppressed.length).toBeGreaterThan(0);
    },
  );
});

function ruleIdsOf(id: string): string[] {
  return ruleIds(ALL_RULES.find((r) => r.id === id)!);
}
