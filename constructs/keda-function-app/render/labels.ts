/** The two halves of an app: the HTTP Deployment and the queue/event worker Deployment. */
export type Component = "http" | "worker";

/** Labels on every object of an app; `component` tells the http and worker halves apart. */
export function appLabels(name: string, component?: Component): Record<string, string> {
  const labels: Record<string, string> = {
    "app.kubernetes.io/name": name,
    "app.kubernetes.io/managed-by": "cdktf",
    "app.kubernetes.io/part-of": name,
  };
  if (component !== undefined) labels["app.kubernetes.io/component"] = component;
  return labels;
}

/** The immutable selector of a Deployment: only labels that never change. */
export function selectorLabels(name: string, component: Component): Record<string, string> {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/component": component };
}
