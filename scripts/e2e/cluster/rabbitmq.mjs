// Debian's rabbitmq-server on 127.0.0.1 (AMQP + the management API the run publishes through),
// with its own epmd, cookie, database and logs in the run's temp folder. Optional: when the package
// is not installed the run records why and skips the RabbitMQ scaling check.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, startServer, waitFor } from "./processes.mjs";

const SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";
const EPMD = "/usr/bin/epmd";
/** The broker's built-in account, which RabbitMQ only accepts from loopback. */
const LOOPBACK_USER = "guest";

/** Why RabbitMQ cannot run here, or undefined when it can. */
export function rabbitMqUnavailable() {
  if (!existsSync(SERVER) || !existsSync(EPMD)) {
    return `Debian's rabbitmq-server is not installed (${SERVER}); install it with: apt-get install --no-install-recommends rabbitmq-server`;
  }
  return undefined;
}

/** Starts epmd and RabbitMQ; resolves once the management API answers (bounded by `timeoutMs`). */
export async function startRabbitMq({ dir, logDir, timeoutMs }) {
  const home = join(dir, "rabbitmq");
  mkdirSync(home, { recursive: true });
  const [amqpPort, managementPort, distPort, epmdPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  writeFileSync(
    join(home, "rabbitmq.conf"),
    [
      `listeners.tcp.1 = 127.0.0.1:${amqpPort}`,
      "management.tcp.ip = 127.0.0.1",
      `management.tcp.port = ${managementPort}`,
      "loopback_users.guest = true",
      "",
    ].join("\n"),
  );
  writeFileSync(join(home, "enabled_plugins"), "[rabbitmq_management].\n");
  writeFileSync(join(home, "rabbitmq-env.conf"), "");
  const env = {
    HOME: home, // the Erlang cookie goes here, not in root's home
    ERL_EPMD_ADDRESS: "127.0.0.1",
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_CONF_ENV_FILE: join(home, "rabbitmq-env.conf"),
    RABBITMQ_CONFIG_FILE: join(home, "rabbitmq.conf"),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(home, "enabled_plugins"),
    RABBITMQ_MNESIA_BASE: join(home, "mnesia"),
    RABBITMQ_LOG_BASE: join(home, "log"),
    RABBITMQ_LOGS: "-",
    RABBITMQ_NODENAME: "e2e@localhost",
    RABBITMQ_NODE_IP_ADDRESS: "127.0.0.1",
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: "-kernel inet_dist_use_interface {127,0,0,1}",
  };
  // epmd as our own child (erl would otherwise start it as a daemon we could not stop by PID).
  startServer("epmd", EPMD, ["-address", "127.0.0.1", "-port", String(epmdPort)], { logDir, env });
  const server = startServer("rabbitmq", SERVER, [], { logDir, env, cwd: home });
  const api = `http://127.0.0.1:${managementPort}/api`;
  const auth = `Basic ${Buffer.from(`${LOOPBACK_USER}:${LOOPBACK_USER}`).toString("base64")}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`RabbitMQ ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : res.json().catch(() => undefined);
  };
  await waitFor("RabbitMQ management API", async () => (await call("GET", "/overview")) !== undefined, {
    timeoutMs,
    intervalMs: 1_000,
    server,
  });
  const amqp = new URL(`amqp://127.0.0.1:${amqpPort}/`);
  amqp.username = LOOPBACK_USER;
  amqp.password = LOOPBACK_USER;
  return {
    amqpUrl: amqp.href,
    declareQueue: (queue) => call("PUT", `/queues/%2F/${queue}`, { durable: true }),
    publish: (queue, payload) =>
      call("POST", "/exchanges/%2F/amq.default/publish", { properties: {}, routing_key: queue, payload, payload_encoding: "string" }),
    purge: (queue) => call("DELETE", `/queues/%2F/${queue}/contents`),
  };
}
