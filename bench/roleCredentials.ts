import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { roleCredentialCache } from "../src/aws/credentials";
import { assumeRoleConnection } from "../src/connections";

/** A local endpoint answering STS AssumeRole (XML) and SES ListEmailIdentities (JSON). */
async function startFakeStsAndSes() {
  let stsCalls = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      if (req.url?.startsWith("/v2/")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"EmailIdentities":[]}');
        return;
      }
      stsCalls += 1;
      const duration = Number(new URLSearchParams(body).get("DurationSeconds"));
      const expiration = new Date(Date.now() + duration * 1000).toISOString();
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(
        `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIABENCH${stsCalls}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${expiration}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stsCalls: () => stsCalls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function benchRoleCredentials() {
  const fake = await startFakeStsAndSes();
  process.env.AWS_ENDPOINT_URL_STS = fake.url;
  const realNow = Date.now;
  const rows = [];
  try {
    const harness = createHarness(component);
    const connection = createConnection(assumeRoleConnection, {
      accessKeyId: "AKIABENCH00000000001",
      secretAccessKey: "bench-secret-not-real",
      roleARN: "arn:aws:iam::111122223333:role/Bench",
      externalId: "bench",
      durationSeconds: "3600",
    });
    for (const [spread, minutes] of [
      ["54 minutes", 54],
      ["60 minutes", 60],
    ] as const) {
      roleCredentialCache.clear();
      const before = fake.stsCalls();
      const start = realNow();
      for (let i = 0; i < 1000; i++) {
        const now = start + (i * minutes * 60 * 1000) / 1000;
        Date.now = () => now;
        await harness.action("listIdentities", {
          connection,
          region: "us-east-1",
          endpoint: fake.url,
        });
      }
      Date.now = realNow;
      rows.push({ actions: 1000, spread, stsCalls: fake.stsCalls() - before });
      console.log(`  1000 actions over ${spread}: ${fake.stsCalls() - before} AssumeRole call(s)`);
    }
  } finally {
    Date.now = realNow;
    delete process.env.AWS_ENDPOINT_URL_STS;
    await fake.close();
  }
  return rows;
}
