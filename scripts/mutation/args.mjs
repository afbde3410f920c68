// The option parsing the mutation scripts share: `--name value` pairs taken out of argv, so what
// is left are the positional arguments (folders, a report path).

/** Removes `name` and its value from `args`; returns the value, or `fallback` when absent. */
export function takeOption(args, name, fallback) {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
}
