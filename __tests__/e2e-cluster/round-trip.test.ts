// The e2e cluster run's round-trip check (scripts/e2e/cluster/round-trip.cjs): the stored values are
// the API server's; this pins how the walk over them decides what counts as a difference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { roundTripDifferences } = require("../../scripts/e2e/cluster/round-trip.cjs") as {
  roundTripDifferences: (sent: unknown, live: unknown) => Array<{ path: string; sent: string; stored: string }>;
};

const policy = (spec: Record<string, unknown>) => ({
  kind: "NetworkPolicy",
  spec: { podSelector: { matchLabels: { app: "a" } }, policyTypes: ["Ingress"], ...spec },
});
/** What the API server stores for either: the empty list is gone, a default was added. */
const stored = { kind: "NetworkPolicy", metadata: { uid: "1" }, spec: { podSelector: { matchLabels: { app: "a" } }, policyTypes: ["Ingress"] } };

test("an empty list the API server drops is a difference", () => {
  expect(roundTripDifferences(policy({ ingress: [] }), stored)).toEqual([
    { path: "spec.ingress", sent: "[]", stored: "nothing (the field is gone)" },
  ]);
});

test("near miss: the same object without the empty list reads back unchanged, server-added fields are not differences", () => {
  expect(roundTripDifferences(policy({}), stored)).toEqual([]);
});

test.each([
  ["an empty map", { a: {} }, {}, "a"],
  ["a normalized quantity", { r: "1024Mi" }, { r: "1Gi" }, "r"],
  ["a list of another length", { l: [1, 2] }, { l: [1] }, "l"],
  ["a changed list item", { l: [{ x: 1 }] }, { l: [{ x: 2 }] }, "l[0].x"],
])("%s is a difference", (_name, sent, live, path) => {
  expect(roundTripDifferences(sent, live).map((d) => d.path)).toEqual([path]);
});

test("Secret stringData compares as the base64 data the API server stores", () => {
  const sent = { kind: "Secret", stringData: { key: "value" } };
  expect(roundTripDifferences(sent, { kind: "Secret", data: { key: Buffer.from("value").toString("base64") } })).toEqual([]);
  expect(roundTripDifferences(sent, { kind: "Secret", data: { key: Buffer.from("other").toString("base64") } }).map((d) => d.path)).toEqual([
    "data.key",
  ]);
});
