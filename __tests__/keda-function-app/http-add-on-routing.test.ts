import { HttpScaling, KedaHttpAddOnOptions } from "../../constructs/keda-function-app/http-scaling";
import { renderFunctionApp } from "../../constructs/keda-function-app/render/objects";
import { NetworkPolicyOptions } from "../../constructs/keda-function-app/props";
import { baseSpec, manifests, requiredProps, synthApp } from "../support/keda-function-app";

/**
 * Issue 11 item 6. http-add-on 0.15 builds its routing table only from `spec.rules`
 * (pkg/routing/tablememory.go `Remember`: one key per host x path of each rule; a rule without
 * hosts or with "*" is the catch-all). Transcribed: the keys an InterceptorRoute contributes.
 */
function routingKeys(route: any): string[] {
  return (route.spec.rules ?? []).flatMap((rule: any) => {
    const hosts: string[] = rule.hosts?.length ? rule.hosts : ["*"];
    const paths: string[] = rule.paths?.length ? rule.paths.map((p: any) => p.value) : [""];
    return hosts.flatMap((host) => paths.map((path) => `${host === "" ? "*" : host}/${path.replace(/^\/+|\/+$/g, "")}`));
  });
}

/** Whether the table routes `host` + `path` to this route: exact host, then wildcards, then catch-all (longest path prefix). */
function routes(route: any, host: string, path: string): boolean {
  const keys = routingKeys(route);
  const labels = host.split(".");
  const candidates = [host, ...labels.slice(1).map((_, i) => `*.${labels.slice(i + 1).join(".")}`), "*"];
  const cleanPath = path.replace(/^\/+|\/+$/g, "");
  return candidates.some((candidate) =>
    keys.some((key) => {
      const [keyHost, ...rest] = key.split("/");
      const keyPath = rest.join("/");
      return keyHost === candidate && (keyPath === "" || cleanPath === keyPath || cleanPath.startsWith(`${keyPath}/`));
    }),
  );
}

const addOn = (options: KedaHttpAddOnOptions = {}, networkPolicy: NetworkPolicyOptions = { allowedNamespaces: [], allowedPods: [] }) =>
  renderFunctionApp(
    baseSpec({
      http: { ...baseSpec().http, scaling: HttpScaling.kedaHttpAddOn(options).config },
      networkPolicy: { allowedNamespaces: networkPolicy.allowedNamespaces ?? [], allowedPods: networkPolicy.allowedPods ?? [], deniedEgressCidrs: ["169.254.169.254/32", "168.63.129.16/32"] },
    }),
  );
const route = (objects: any[]) => objects.find((o) => o.kind === "InterceptorRoute");
const httpPeers = (objects: any[]) => objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === "demo-http").spec.ingress[0].from;
const namespacePeer = (namespace: string) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } } });

describe("HTTP add-on: the InterceptorRoute routes requests (issue 11 item 6)", () => {
  test("without hosts: one catch-all rule, so every host reaches the app", () => {
    const interceptorRoute = route(manifests(synthApp(requiredProps({ httpScaling: HttpScaling.kedaHttpAddOn() })).json));
    expect(interceptorRoute.spec.rules).toEqual([{ hosts: ["*"] }]);
    expect(routes(interceptorRoute, "demo-http.default.svc.cluster.local", "/api/hello")).toBe(true);
    expect(routes(interceptorRoute, "api.example.com", "/")).toBe(true);
  });

  test("with hosts: a rule for exactly those hosts (wildcards included), other hosts are not routed here", () => {
    const interceptorRoute = route(addOn({ hosts: ["api.example.com", "*.apps.example.com"] }));
    expect(interceptorRoute.spec.rules).toEqual([{ hosts: ["api.example.com", "*.apps.example.com"] }]);
    expect(routes(interceptorRoute, "api.example.com", "/api/hello")).toBe(true);
    expect(routes(interceptorRoute, "x.apps.example.com", "/api/hello")).toBe(true);
    expect(routes(interceptorRoute, "other.example.com", "/api/hello")).toBe(false);
  });

  test("the transcribed table can fail: a route without rules is never matched (the 404 of the first release)", () => {
    expect(routes({ spec: { target: { service: "demo-http", port: 80 } } }, "api.example.com", "/api/hello")).toBe(false);
  });

  test("the external scaler address follows the add-on's namespace unless given", () => {
    const scaler = (objects: any[]) => objects.find((o) => o.kind === "ScaledObject" && o.metadata.name === "demo-http").spec.triggers[0].metadata.scalerAddress;
    expect(scaler(addOn())).toBe("keda-add-ons-http-external-scaler.keda:9090");
    expect(scaler(addOn({ namespace: "http-add-on" }))).toBe("keda-add-ons-http-external-scaler.http-add-on:9090");
    expect(scaler(addOn({ namespace: "http-add-on", scalerAddress: "scaler.custom:9090" }))).toBe("scaler.custom:9090");
  });
});

describe("HTTP add-on: a restricted NetworkPolicy admits the interceptor (issue 11 item 6)", () => {
  test("allowed namespaces: the add-on's namespace is added", () => {
    expect(httpPeers(addOn({}, { allowedNamespaces: ["ingress-nginx"] }))).toEqual([namespacePeer("ingress-nginx"), namespacePeer("keda")]);
  });

  test("allowed pods only: the add-on's namespace is added too (its interceptor is not in the app's namespace)", () => {
    expect(httpPeers(addOn({ namespace: "http-add-on" }, { allowedPods: [{ app: "frontend" }] }))).toEqual([
      namespacePeer("http-add-on"),
      { podSelector: { matchLabels: { app: "frontend" } } },
    ]);
  });

  test("already listed: not twice", () => {
    expect(httpPeers(addOn({}, { allowedNamespaces: ["keda", "ingress-nginx"] }))).toEqual([namespacePeer("keda"), namespacePeer("ingress-nginx")]);
  });

  test("near misses: no allowed peers keeps the cluster-wide default; without the add-on nothing is added", () => {
    expect(httpPeers(addOn())).toEqual([{ namespaceSelector: {} }]);
    const fixed = renderFunctionApp(baseSpec({ networkPolicy: { allowedNamespaces: ["ingress-nginx"], allowedPods: [], deniedEgressCidrs: ["169.254.169.254/32", "168.63.129.16/32"] } }));
    expect(httpPeers(fixed)).toEqual([namespacePeer("ingress-nginx")]);
  });

  test("a namespace that is no DNS label is refused at synth", () => {
    expect(() => synthApp(requiredProps({ httpScaling: HttpScaling.kedaHttpAddOn({ namespace: "KEDA_Addons" }) }))).toThrow(
      /httpScaling\.namespace = "KEDA_Addons": must be a Kubernetes DNS-1123 label.*Fix: use a name such as "keda-addons"/s,
    );
  });
});
