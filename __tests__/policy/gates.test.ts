import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The gates are plain CommonJS so `npm run gates` needs no build step.
const { scanForSecrets } = require("../../scripts/gates/secret-scan.cjs");
const { checkFinalUser } = require("../../scripts/gates/dockerfile-user.cjs");

function plant(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "gates-plant-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// A fake key of the right shape, built at run time so the repository itself stays clean.
const fakeKey = `${"Zm9v".repeat(21)}YQ==`;

describe("secretlint gate", () => {
  test.each([
    ["storage connection string", "settings.yaml", `AzureWebJobsStorage: "DefaultEndpointsProtocol=https;AccountName=st;Account${"Key"}=${fakeKey};"`],
    ["bare storage account key", "key.txt", `primary: ${fakeKey}`],
    ["client_secret literal in Terraform JSON", "cdk.tf.json", `{"provider": {"azurerm": [{"client_${"secret"}": "s3cr3t-v4lue-123"}]}}`],
    ["SAS signature", "url.txt", `https://st.blob.core.windows.net/c?sv=2022-11-02&s${"ig"}=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%3D`],
    ["Service Bus SharedAccessKey", "sb.txt", `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=r;SharedAccess${"Key"}=${fakeKey.slice(0, 43)}=`],
  ])("finds a planted %s", (_name, file, content) => {
    const dir = plant({ [file]: content });
    const result = scanForSecrets([file], dir);
    expect(result.status).toBe(1);
    expect(result.output).toContain(file);
  });

  test("passes references, placeholders and the published Azurite emulator key", () => {
    const dir = plant({
      "ok.json": JSON.stringify({
        client_secret: "${var.client_secret}",
        doc: "AccountName=...;AccountKey=...;",
        azurite:
          "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;",
      }),
    });
    expect(scanForSecrets(["ok.json"], dir)).toEqual({ status: 0, output: "" });
  });
});

describe("Dockerfile final USER check", () => {
  test.each([
    ["FROM node:22\nUSER 1000:1000\n", []],
    ["FROM node:22 AS build\nUSER root\nFROM base\nUSER 10001\n", []],
    ["FROM node:22\n", ["the final stage has no USER: the container runs as the base image's user (root)"]],
    ["FROM a\nUSER 1000\nFROM b\nRUN true\n", ["the final stage has no USER: the container runs as the base image's user (root)"]],
    ["FROM node:22\nUSER node\n", ["USER node is not numeric: Kubernetes runAsNonRoot cannot verify a user name"]],
    ["FROM node:22\nUSER 0\n", ["USER 0 is root"]],
    ["FROM node:22\nUSER 1000:0\n", ["USER 1000:0 runs with the root group"]],
    ["# nothing\n", ["no FROM instruction"]],
  ])("%j -> %j", (dockerfile, problems) => {
    expect(checkFinalUser(dockerfile)).toEqual(problems);
  });
});
