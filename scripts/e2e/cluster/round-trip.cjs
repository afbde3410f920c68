"use strict";
// Round trip: every field we send must read back from the API server unchanged. This is the check
// Terraform's kubernetes_manifest makes after apply ("Provider produced inconsistent result" when a
// configured value comes back different or missing, then a diff on every plan). `kubectl diff
// --server-side` sees some of these only indirectly (an `ingress: []` shows up there as nothing but
// a `generation` bump on every re-apply); this names the field and what the server made of it.
// The values judged are the API server's; only the walk over them is ours.

/** Fields that are write-only by design and what they become. */
function comparable(sent) {
  if (sent.kind === "Secret" && sent.stringData !== undefined) {
    const data = { ...(sent.data ?? {}) };
    for (const [key, value] of Object.entries(sent.stringData)) data[key] = Buffer.from(value).toString("base64");
    const { stringData: _stringData, ...rest } = sent;
    return { ...rest, data };
  }
  return sent;
}

function describe(value) {
  return value === undefined ? "nothing (the field is gone)" : JSON.stringify(value);
}

function walk(sent, live, path, out) {
  if (Array.isArray(sent)) {
    if (!Array.isArray(live) || live.length !== sent.length) {
      out.push({ path, sent: JSON.stringify(sent), stored: describe(live) });
      return;
    }
    sent.forEach((item, index) => walk(item, live[index], `${path}[${index}]`, out));
    return;
  }
  if (sent !== null && typeof sent === "object") {
    if (live === null || typeof live !== "object" || Array.isArray(live)) {
      out.push({ path, sent: JSON.stringify(sent), stored: describe(live) });
      return;
    }
    for (const [key, value] of Object.entries(sent)) walk(value, live[key], path === "" ? key : `${path}.${key}`, out);
    return;
  }
  if (sent !== live) out.push({ path, sent: JSON.stringify(sent), stored: describe(live) });
}

/**
 * The fields of `sent` whose stored value in `live` differs: `[{ path, sent, stored }]`.
 * Fields the server adds (defaults, status, metadata it owns) are not differences.
 */
function roundTripDifferences(sent, live) {
  const out = [];
  walk(comparable(sent), live, "", out);
  return out;
}

module.exports = { roundTripDifferences };
