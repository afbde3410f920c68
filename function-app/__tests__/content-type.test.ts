import { isJsonContentType } from "../src/lib/content-type";

test.each([
  ["application/json", true],
  ["application/json; charset=utf-8", true],
  ["Application/JSON", true],
  ["application/problem+json", true],
  ["text/plain", false],
  ["application/x-www-form-urlencoded", false],
  ["text/json+html", false],
  [null, false],
])("%p is JSON: %p", (contentType, expected) => {
  expect(isJsonContentType(contentType)).toBe(expected);
});
