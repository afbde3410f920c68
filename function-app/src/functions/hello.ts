import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from "@azure/functions";
import { greeting, nameFrom } from "../lib/greeting";

/**
 * `GET|POST /api/hello[?name=...]`: greets `name` from the query string, a JSON body `{"name": "..."}` or a plain-text
 * body, like the HTTP function `func new` creates. Anonymous: it is the public smoke test of the deployment.
 */
export async function hello(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  context.log(`Http function processed request for url "${request.url}"`);
  const result = nameFrom({
    query: request.query.get("name"),
    body: await request.text(),
    contentType: request.headers.get("content-type"),
  });
  if (!result.ok) {
    return { status: 400, body: result.problem, headers: { "Content-Type": "text/plain; charset=utf-8" } };
  }
  return { status: 200, body: greeting(result.name), headers: { "Content-Type": "text/plain; charset=utf-8" } };
}

app.http("hello", {
  methods: ["GET", "POST"],
  authLevel: "anonymous",
  handler: hello,
});
