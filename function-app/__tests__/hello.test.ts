import "./support/functions-test-mode";
import { HttpRequest } from "@azure/functions";
import { hello } from "../src/functions/hello";
import { MAX_NAME_LENGTH } from "../src/lib/greeting";
import { testContext } from "./support/context";

const URL = "http://localhost:7071/api/hello";

async function call(init: { method?: string; query?: Record<string, string>; body?: string; headers?: Record<string, string> }) {
  const request = new HttpRequest({
    method: init.method ?? "GET",
    url: URL,
    ...(init.query ? { query: init.query } : {}),
    ...(init.body !== undefined ? { body: { string: init.body } } : {}),
    ...(init.headers ? { headers: init.headers } : {}),
  });
  const { context, logs } = testContext({ functionName: "hello" });
  const response = await hello(request, context);
  return { response, logs };
}

test("greets the name from the query string", async () => {
  const { response, logs } = await call({ query: { name: "Ada" } });
  expect(response).toEqual({ status: 200, body: "Hello, Ada!", headers: { "Content-Type": "text/plain; charset=utf-8" } });
  expect(logs).toEqual([{ level: "information", message: `Http function processed request for url "${URL}"` }]);
});

test("greets the name from a plain-text POST body", async () => {
  expect((await call({ method: "POST", body: "Grace\n", headers: { "content-type": "text/plain" } })).response.body).toBe("Hello, Grace!");
});

test("greets the name from a JSON POST body", async () => {
  expect((await call({ method: "POST", body: '{"name":"Linus"}', headers: { "content-type": "application/json" } })).response.body).toBe("Hello, Linus!");
});

test("reads a JSON object body whatever the content type (curl -d, fetch)", async () => {
  expect((await call({ method: "POST", body: '{"name":"Barbara"}' })).response.body).toBe("Hello, Barbara!");
  expect((await call({ method: "POST", body: '{"name":"Ken"}', headers: { "content-type": "application/x-www-form-urlencoded" } })).response.body).toBe("Hello, Ken!");
});

test("text that only looks like JSON is a plain name unless JSON was declared", async () => {
  expect((await call({ method: "POST", body: "{braces}", headers: { "content-type": "text/plain" } })).response.body).toBe("Hello, {braces}!");
});

test("the query string wins over the body", async () => {
  expect((await call({ method: "POST", query: { name: "Q" }, body: "B" })).response.body).toBe("Hello, Q!");
});

test.each([
  ["GET without a name", {}],
  ["POST with an empty body", { method: "POST", body: "" }],
  ["POST with JSON without a name", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }],
  ["a blank name", { query: { name: "   " } }],
])("greets the world for %s", async (_, init) => {
  expect((await call(init)).response).toMatchObject({ status: 200, body: "Hello, world!" });
});

test.each([
  ["invalid JSON", { body: "{not json", headers: { "content-type": "application/json" } }, 'The body is not valid JSON; send {"name": "..."} or a plain-text name.'],
  ["a JSON array", { body: "[1]", headers: { "content-type": "application/json" } }, 'The JSON body must be an object like {"name": "..."}.'],
  ["a non-string name", { body: '{"name": 3}', headers: { "content-type": "application/json" } }, '"name" must be a string, got number.'],
  ["a name that is too long", { body: "x".repeat(MAX_NAME_LENGTH + 1) }, `The name is ${MAX_NAME_LENGTH + 1} characters long; the limit is ${MAX_NAME_LENGTH}.`],
])("answers 400 for %s", async (_, init, message) => {
  expect((await call({ method: "POST", ...init })).response).toEqual({ status: 400, body: message, headers: { "Content-Type": "text/plain; charset=utf-8" } });
});

test("control characters cannot forge extra lines", async () => {
  expect((await call({ query: { name: "Eve\r\nINFO fake log line" } })).response.body).toBe("Hello, Eve INFO fake log line!");
});
