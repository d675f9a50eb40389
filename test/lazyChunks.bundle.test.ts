import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { TEST_KEY_ID, TEST_SECRET } from "./helpers/component";
import { signingKeyId, startFakeAwsEndpoint } from "./helpers/fakeAwsEndpoint";

/**
 * dist/ as the runner loads it, in a fresh Node process (not jest's module registry): loading
 * the component and reading its whole definition loads no chunk; a step's first AWS call loads
 * its service's SDK chunk from dist/ and works; chunks of services the step does not use stay
 * unloaded.
 */
const dist = join(__dirname, "..", "dist");
const run = promisify(execFile);

const STEP = `
const path = require("node:path");
const [bundle, endpoint, keyId, secret, actionKey = "listIdentities", paramsJson = '{"pageSize":"20","fetchAll":"false"}'] = process.argv.slice(1);
const dist = path.dirname(bundle);
const chunks = () => Object.keys(require.cache)
  .filter((file) => path.dirname(file) === dist && file !== bundle)
  .map((file) => path.basename(file)).sort();
const component = require(bundle).default;
// Everything the platform reads at publish time: inputs, docs, examples, output schemas.
const definition = JSON.stringify(component, (_key, value) => (typeof value === "function" ? undefined : value));
const afterLoad = chunks();
const logger = { info() {}, warn() {}, error() {}, debug() {}, log() {}, metric() {} };
const connection = { key: "apiKeySecret", label: "", fields: { accessKeyId: keyId, secretAccessKey: secret } };
component.actions[actionKey]
  .perform({ logger }, { connection, region: "us-east-1", endpoint, ...JSON.parse(paramsJson) })
  .then((result) => {
    process.stdout.write(JSON.stringify({ afterLoad, definitionLength: definition.length, result, afterStep: chunks() }));
  }, (error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });
`;

/** The dist/ chunks that define the given SDK class (class names survive minification). */
function chunksDefining(className: string): string[] {
  return readdirSync(dist)
    .filter((file) => /^\d+\.index\.js$/.test(file))
    .filter((file) => readFileSync(join(dist, file), "utf8").includes(`class ${className} `))
    .sort();
}

describe("dist/ loads each AWS client on a step's first use", () => {
  if (!existsSync(join(dist, "index.js"))) {
    it("exists", () => {
      throw new Error("dist/index.js is missing: run `npm run build` before `npm test`.");
    });
    return;
  }

  // The SES clients are in two chunks each: the tree-shaken one every dedicated action uses, and
  // the SDK's full bundle (every command) that only Call SES Operation loads.
  const fullSesV2 = () => chunksDefining("AssociateEmailIdentityCertificateCommand");
  const leanSesV2 = () => chunksDefining("SESv2Client").filter((c) => !fullSesV2().includes(c));

  it("keeps every SDK client out of index.js, one service per chunk", () => {
    const main = readFileSync(join(dist, "index.js"), "utf8");
    for (const client of ["SESv2Client", "SESClient", "S3Client", "KMSClient", "SNSClient"]) {
      expect(main).not.toContain(`class ${client} `);
    }
    for (const client of ["S3Client", "KMSClient", "SNSClient", "SQSClient"]) {
      expect(chunksDefining(client)).toHaveLength(1);
    }
    expect(fullSesV2()).toHaveLength(1);
    expect(leanSesV2()).toHaveLength(1);
    expect(readFileSync(join(dist, leanSesV2()[0]), "utf8")).not.toContain(
      "class AssociateEmailIdentityCertificateCommand ",
    );
    expect(new Set(["SESv2Client", "S3Client", "SQSClient"].flatMap(chunksDefining)).size).toBe(4);
  });

  it("runs List Identities from a fresh process, loading only the SES v2 chunk and the SDK core", async () => {
    const endpoint = await startFakeAwsEndpoint(() => ({
      status: 200,
      body: {
        EmailIdentities: [
          { IdentityName: "lazy.example.com", IdentityType: "DOMAIN", SendingEnabled: true },
        ],
      },
    }));
    try {
      const { stdout } = await run(
        process.execPath,
        ["-e", STEP, join(dist, "index.js"), endpoint.url, TEST_KEY_ID, TEST_SECRET],
        { encoding: "utf8" },
      );
      const report = JSON.parse(stdout);
      expect(report.afterLoad).toEqual([]);
      expect(report.definitionLength).toBeGreaterThan(100_000);
      expect(report.result.data.identities).toEqual([
        {
          name: "lazy.example.com",
          type: "DOMAIN",
          verificationStatus: "",
          sendingEnabled: true,
        },
      ]);
      expect(endpoint.requests).toHaveLength(1);
      expect(endpoint.requests[0].url).toMatch(/^\/v2\/email\/(list-)?identities/);
      expect(signingKeyId(endpoint.requests[0])).toBe(TEST_KEY_ID);
      expect(report.afterStep).toEqual(expect.arrayContaining(leanSesV2()));
      for (const unused of ["S3Client", "KMSClient", "SNSClient", "SQSClient", "SESClient"]) {
        for (const chunk of chunksDefining(unused)) expect(report.afterStep).not.toContain(chunk);
      }
      for (const chunk of fullSesV2()) expect(report.afterStep).not.toContain(chunk);
    } finally {
      await endpoint.close();
    }
  });

  it("runs Call SES Operation from the SDK's full bundle, converting timestamps by the operation's schema", async () => {
    const endpoint = await startFakeAwsEndpoint(() => ({
      status: 200,
      body: { SuppressedDestinationSummaries: [] },
    }));
    try {
      const params = {
        operation: "sesv2:ListSuppressedDestinations",
        input: '{"StartDate": "2026-11-01T00:00:00Z", "Reasons": ["COMPLAINT"]}',
      };
      const { stdout } = await run(
        process.execPath,
        [
          "-e",
          STEP,
          join(dist, "index.js"),
          endpoint.url,
          TEST_KEY_ID,
          TEST_SECRET,
          "callSesOperation",
          JSON.stringify(params),
        ],
        { encoding: "utf8" },
      );
      const report = JSON.parse(stdout);
      expect(report.result.data).toMatchObject({
        api: "sesv2",
        operation: "ListSuppressedDestinations",
        output: { SuppressedDestinationSummaries: [] },
      });
      const query = new URL(endpoint.requests[0].url, "http://x").searchParams;
      expect(new Date(String(query.get("StartDate"))).toISOString()).toBe(
        "2026-11-01T00:00:00.000Z",
      );
      expect(query.getAll("Reason")).toEqual(["COMPLAINT"]);
      // The full bundle is its own chunk: the tree-shaken SES v2 chunk stays unloaded.
      expect(report.afterStep).toEqual(expect.arrayContaining(fullSesV2()));
      for (const chunk of leanSesV2()) expect(report.afterStep).not.toContain(chunk);
    } finally {
      await endpoint.close();
    }
  });
});
