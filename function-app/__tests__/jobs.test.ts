import {
  createJob,
  encodeJobMessage,
  InvalidJobError,
  parseJobMessage,
  resultBlobName,
  runJob,
  validateJobRequest,
  type Job,
} from "../src/lib/jobs";

const JOB: Job = { id: "job-1", text: "hello queue\nworld", submittedAt: "2025-01-02T03:04:05.000Z" };

describe("validateJobRequest", () => {
  test("accepts text alone and text with an id", () => {
    expect(validateJobRequest({ text: "x" })).toEqual({ ok: true, value: { text: "x" } });
    expect(validateJobRequest({ id: "a.b_c-1", text: "x" })).toEqual({ ok: true, value: { id: "a.b_c-1", text: "x" } });
  });

  test.each([
    [null, 'the body must be a JSON object like {"text": "..."}, got null'],
    [[1], 'the body must be a JSON object like {"text": "..."}, got an array'],
    ["text", 'the body must be a JSON object like {"text": "..."}, got "text"'],
    [{}, "text is required and must be a string, got nothing"],
    [{ text: 42 }, "text is required and must be a string, got number 42"],
    [{ text: "" }, "text must not be empty"],
    [{ text: "x", id: "-starts-with-dash" }, 'id must be 1-64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit; got "-starts-with-dash"'],
    [{ text: "x", id: "a/b" }, 'id must be 1-64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit; got "a/b"'],
    [{ text: "x", id: "a".repeat(65) }, expect.stringMatching(/^id must be 1-64 characters/)],
    [{ text: "x", colour: "red" }, 'unknown property "colour" (allowed: id, text)'],
  ])("rejects %j", (body, problem) => {
    expect(validateJobRequest(body)).toEqual({ ok: false, problems: [problem] });
  });

  test("reports every problem at once", () => {
    const result = validateJobRequest({ id: 7, extra: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toHaveLength(3);
  });
});

describe("createJob", () => {
  const now = new Date("2025-01-02T03:04:05Z");

  test("keeps a given id", () => {
    expect(createJob({ id: "mine", text: "t" }, now, () => "generated")).toEqual({ id: "mine", text: "t", submittedAt: "2025-01-02T03:04:05.000Z" });
  });

  test("generates an id when absent (a UUID by default)", () => {
    expect(createJob({ text: "t" }, now, () => "generated").id).toBe("generated");
    expect(createJob({ text: "t" }).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("queue message", () => {
  test("is base64 of the job's JSON", () => {
    expect(JSON.parse(Buffer.from(encodeJobMessage(JOB), "base64").toString("utf8"))).toEqual(JOB);
  });

  test.each([
    ["a parsed object (how the Node.js worker passes JSON)", { ...JOB }],
    ["a JSON string", JSON.stringify(JOB)],
    ["a Buffer", Buffer.from(JSON.stringify(JOB))],
  ])("parses %s", (_, message) => {
    expect(parseJobMessage(message)).toEqual(JOB);
  });

  test("ignores unknown properties from newer producers", () => {
    expect(parseJobMessage({ ...JOB, priority: "high" })).toEqual(JOB);
  });

  test.each([
    ["not JSON", "hello", ['the message is not JSON: "hello"']],
    ["a number", 42, ["the message must be a JSON object, got number 42"]],
    ["no id", { text: "t", submittedAt: JOB.submittedAt }, ["id is required (the producer assigns it; it is the idempotency key)"]],
    ["no text", { id: "a", submittedAt: JOB.submittedAt }, ["text is required and must be a string, got nothing"]],
    ["a bad date", { id: "a", text: "t", submittedAt: "yesterday" }, ['submittedAt must be an ISO 8601 date string, got "yesterday"']],
  ])("rejects %s", (_, message, problems) => {
    expect(() => parseJobMessage(message)).toThrow(expect.objectContaining({ name: "InvalidJobError", problems }));
  });

  test("the error message lists the problems", () => {
    expect(() => parseJobMessage({})).toThrow(InvalidJobError);
    expect(() => parseJobMessage({ id: "a", text: "t" })).toThrow('Invalid job: submittedAt must be an ISO 8601 date string, got nothing');
  });
});

describe("runJob", () => {
  test("computes the text's statistics and hash", () => {
    expect(runJob(JOB, new Date("2025-01-02T03:05:00Z"), 2)).toEqual({
      jobId: "job-1",
      submittedAt: "2025-01-02T03:04:05.000Z",
      processedAt: "2025-01-02T03:05:00.000Z",
      attempt: 2,
      characters: 17,
      words: 3,
      lines: 2,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  test("counts code points, not UTF-16 units, and handles blank text", () => {
    expect(runJob({ ...JOB, text: "héllo 👋" }, new Date(), 1)).toMatchObject({ characters: 7, words: 2, lines: 1 });
    expect(runJob({ ...JOB, text: "   " }, new Date(), 1)).toMatchObject({ characters: 3, words: 0, lines: 1 });
  });

  test("the hash is the SHA-256 of the UTF-8 text", () => {
    expect(runJob({ ...JOB, text: "abc" }, new Date(), 1).sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("result blobs are named after the job id", () => {
    expect(resultBlobName("job-1")).toBe("job-1.json");
  });
});
