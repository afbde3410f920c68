/**
 * Import first in a test file that loads `src/functions/*`. Outside the Functions host, @azure/functions runs in "test
 * mode" and warns once per process and once per registration ("Skipping call to register function ..."). Those two
 * expected warnings are dropped; every other console.warn passes through unchanged.
 */
const EXPECTED = [/^WARNING: Failed to detect the Azure Functions runtime\./, /^WARNING: Skipping call to register function "/];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  if (typeof args[0] === "string" && EXPECTED.some((pattern) => pattern.test(args[0] as string))) return;
  warn(...args);
};
