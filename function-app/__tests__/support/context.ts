import { InvocationContext, type InvocationContextInit } from "@azure/functions";
import { format } from "node:util";

export interface LogLine {
  readonly level: string;
  readonly message: string;
}

/** A real InvocationContext (the library's test constructor) whose log calls are captured instead of printed. */
export function testContext(init: InvocationContextInit = {}): { context: InvocationContext; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const context = new InvocationContext({
    invocationId: "00000000-0000-0000-0000-000000000001",
    functionName: "test",
    ...init,
    logHandler: (level, ...args) => logs.push({ level, message: format(...args) }),
  });
  return { context, logs };
}
