// A real registry (Debian's docker-registry, distribution 2.8) on 127.0.0.1 with its storage in the
// run's private folder, and the registry HTTP API v2 reads the docker provider makes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../cluster/processes.mjs";
import { alive, sleepSync, startServer } from "./processes.mjs";

export async function startRegistry(dir) {
  mkdirSync(join(dir, "storage"), { recursive: true });
  const port = await freePort();
  const config = join(dir, "config.yml");
  writeFileSync(
    config,
    [
      "version: 0.1",
      "log:",
      "  level: warn",
      "storage:",
      "  filesystem:",
      `    rootdirectory: ${join(dir, "storage")}`,
      "  delete:",
      "    enabled: true",
      "http:",
      `  addr: 127.0.0.1:${port}`,
      "",
    ].join("\n"),
  );
  const server = startServer("docker-registry", "/usr/bin/docker-registry", ["serve", config], { logFile: join(dir, "registry.log"), marker: dir });
  const registry = new Registry(`127.0.0.1:${port}`);
  const deadline = Date.now() + 30000;
  while (!(await registry.ping())) {
    if (server.exited !== null || !alive(server.pid)) throw new Error(`docker-registry exited at start; see ${join(dir, "registry.log")}`);
    if (Date.now() > deadline) throw new Error("docker-registry not ready after 30 s");
    sleepSync(200);
  }
  return registry;
}

/** The Accept headers of the docker provider's digest read (internal/provider/authentication_helpers.go). */
const PROVIDER_ACCEPT = [
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
].join(", ");

export class Registry {
  constructor(address) {
    this.address = address;
  }

  async ping() {
    try {
      return (await fetch(`http://${this.address}/v2/`)).status === 200;
    } catch {
      return false;
    }
  }

  async tags(repository) {
    const response = await fetch(`http://${this.address}/v2/${repository}/tags/list`);
    if (response.status === 404) return [];
    return (await response.json()).tags ?? [];
  }

  /**
   * The digest `docker_registry_image.sha256_digest` holds: the provider's HEAD on the manifest with its
   * Accept headers, read from Docker-Content-Digest (or the SHA-256 of the body when the header is missing).
   */
  async manifestDigest(repository, reference) {
    const response = await fetch(`http://${this.address}/v2/${repository}/manifests/${reference}`, { method: "HEAD", headers: { Accept: PROVIDER_ACCEPT } });
    if (response.status !== 200) return undefined;
    return response.headers.get("docker-content-digest") ?? undefined;
  }

  /** The manifest itself (GET), for layer sizes as the registry stores them. */
  async manifest(repository, reference) {
    const response = await fetch(`http://${this.address}/v2/${repository}/manifests/${reference}`, { headers: { Accept: PROVIDER_ACCEPT } });
    if (response.status !== 200) throw new Error(`GET manifest ${repository}:${reference}: ${response.status}`);
    return response.json();
  }
}

