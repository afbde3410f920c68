// Least privilege, judged by the API server's RBAC authorizer: for every RoleBinding the constructs
// render, its ServiceAccount may do exactly what the bound Role grants — in its namespace, on the
// named objects — and nothing beyond what every authenticated identity may do.
import { join } from "node:path";
import { writeKubeconfig } from "./control-plane.mjs";
import { kubectlFor } from "./kubectl.mjs";

const VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
/** A ServiceAccount no binding names: what any identity of the cluster may do. */
const NOBODY = "e2e-least-privilege-baseline";

/** The rules the authorizer grants `user` in `namespace` (a SelfSubjectRulesReview, as `can-i --list` makes). */
async function rulesOf(kubectl, user, namespace) {
  const review = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: { namespace } };
  const result = await kubectl.run(["create", "-o", "json", "--validate=false", `--as=${user}`, "-f", "-"], { input: JSON.stringify(review) });
  const tuples = new Set();
  for (const rule of JSON.parse(result.stdout).status.resourceRules ?? []) {
    for (const group of rule.apiGroups ?? [""]) {
      for (const resource of rule.resources ?? []) {
        for (const verb of rule.verbs) {
          for (const name of rule.resourceNames?.length ? rule.resourceNames : ["*"]) tuples.add(`${group}|${resource}|${name}|${verb}`);
        }
      }
    }
  }
  return tuples;
}

function expand(rules) {
  const tuples = new Set();
  for (const rule of rules) {
    for (const group of rule.apiGroups) {
      for (const resource of rule.resources) {
        for (const verb of rule.verbs) {
          for (const name of rule.resourceNames?.length ? rule.resourceNames : ["*"]) tuples.add(`${group}|${resource}|${name}|${verb}`);
        }
      }
    }
  }
  return tuples;
}

async function canI(kubectl, user, verb, resource, namespace) {
  const result = await kubectl.run(["auth", "can-i", verb, resource, "-n", namespace, `--as=${user}`], { allowFailure: true });
  return result.stdout.trim() === "yes";
}

function resourceOf(group, resource, name) {
  const qualified = group === "" ? resource : `${resource}.${group}`;
  return name === "*" ? qualified : `${qualified}/${name}`;
}

/**
 * Checks every RoleBinding in `objects`. Returns `{ bindings, findings }`; each binding lists the
 * `can-i --list` output, the explicit allow/deny probes and real requests made with the
 * ServiceAccount's own token.
 */
export async function checkLeastPrivilege(kubectl, objects, { dir, apiserverUrl, ca, kubectlBinary }) {
  const findings = [];
  const bindings = [];
  const roles = new Map(objects.filter((o) => o.kind === "Role").map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  for (const binding of objects.filter((o) => o.kind === "RoleBinding")) {
    const namespace = binding.metadata.namespace;
    const role = roles.get(`${namespace}/${binding.roleRef.name}`);
    if (binding.roleRef.kind !== "Role" || role === undefined) {
      findings.push({ check: "least-privilege", message: `RoleBinding ${namespace}/${binding.metadata.name} binds ${binding.roleRef.kind} ${binding.roleRef.name}, not a Role the app renders` });
      continue;
    }
    const baseline = await rulesOf(kubectl, `system:serviceaccount:${namespace}:${NOBODY}`, namespace);
    const expected = expand(role.rules);
    for (const subject of binding.subjects) {
      if (subject.kind !== "ServiceAccount") {
        findings.push({ check: "least-privilege", message: `RoleBinding ${namespace}/${binding.metadata.name} binds ${subject.kind} ${subject.name}` });
        continue;
      }
      const user = `system:serviceaccount:${subject.namespace ?? namespace}:${subject.name}`;
      const granted = [...(await rulesOf(kubectl, user, namespace))].filter((t) => !baseline.has(t));
      const extra = granted.filter((t) => !expected.has(t));
      const absent = [...expected].filter((t) => !granted.includes(t));
      if (extra.length > 0 || absent.length > 0) {
        findings.push({ check: "least-privilege", message: `${user} in ${namespace}: granted beyond its Role ${JSON.stringify(extra)}, missing ${JSON.stringify(absent)}` });
      }
      const others = ["default", "kube-system"].filter((ns) => ns !== namespace);
      for (const other of others) {
        const otherBaseline = await rulesOf(kubectl, `system:serviceaccount:${namespace}:${NOBODY}`, other);
        const leaked = [...(await rulesOf(kubectl, user, other))].filter((t) => !otherBaseline.has(t));
        if (leaked.length > 0) findings.push({ check: "least-privilege", message: `${user} has rights in namespace ${other}: ${JSON.stringify(leaked)}` });
      }

      // Explicit probes: each granted verb on each named object, and the near misses around it.
      const probes = [];
      const probe = async (verb, resource, ns, want) => {
        const allowed = await canI(kubectl, user, verb, resource, ns);
        probes.push(`${allowed ? "yes" : "no "} ${verb} ${resource} -n ${ns}`);
        if (allowed !== want) findings.push({ check: "least-privilege", message: `${user}: can-i ${verb} ${resource} -n ${ns} is ${allowed ? "yes" : "no"}, expected ${want ? "yes" : "no"}` });
      };
      for (const rule of role.rules) {
        for (const group of rule.apiGroups) {
          for (const resource of rule.resources) {
            for (const name of rule.resourceNames?.length ? rule.resourceNames : ["*"]) {
              for (const verb of VERBS) await probe(verb, resourceOf(group, resource, name), namespace, rule.verbs.includes(verb));
              if (name !== "*") await probe("get", resourceOf(group, resource, `${name}-other`), namespace, false);
              await probe("get", resourceOf(group, resource, name), others[0], false);
            }
          }
        }
      }
      await probe("create", "pods", namespace, false);
      await probe("get", "configmaps", namespace, false);
      await probe("create", "deployments.apps", namespace, false);
      await probe("list", "secrets", "kube-system", false);

      // Real requests with the ServiceAccount's own token: the authorizer, not impersonation.
      const token = (await kubectl.run(["create", "token", subject.name, "-n", namespace, "--duration=10m"])).stdout.trim();
      const asAccount = kubectlFor(kubectlBinary, writeKubeconfig(join(dir, `${namespace}-${subject.name}.kubeconfig`), { server: apiserverUrl, ca, user, token }));
      const requests = [];
      for (const rule of role.rules.filter((r) => r.resourceNames?.length && r.verbs.includes("get"))) {
        for (const name of rule.resourceNames) {
          const own = await asAccount.run(["get", rule.resources[0], name, "-n", namespace, "-o", "name"], { allowFailure: true });
          requests.push(`get ${rule.resources[0]}/${name}: ${own.code === 0 ? "allowed" : own.stderr.trim()}`);
          if (own.code !== 0) findings.push({ check: "least-privilege", message: `${user} cannot get its own ${rule.resources[0]}/${name}: ${own.stderr.trim()}` });
        }
      }
      for (const args of [["get", "secrets", "-n", namespace], ["get", "pods", "-n", namespace], ["get", "secrets", "-n", "kube-system"]]) {
        const denied = await asAccount.run([...args, "-o", "name"], { allowFailure: true });
        const forbidden = denied.code !== 0 && /Forbidden/i.test(denied.stderr);
        requests.push(`${args.join(" ")}: ${forbidden ? "Forbidden" : `NOT denied (${denied.stdout.trim()})`}`);
        if (!forbidden) findings.push({ check: "least-privilege", message: `${user}: kubectl ${args.join(" ")} was not Forbidden` });
      }
      const list = await kubectl.run(["auth", "can-i", "--list", "-n", namespace, `--as=${user}`]);
      bindings.push({ binding: `${namespace}/${binding.metadata.name}`, user, role: role.metadata.name, canIList: list.stdout.trim().split("\n"), probes, requests });
    }
  }
  return { bindings, findings };
}
