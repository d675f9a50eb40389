import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { CONTEXT, mailOfSize } from "./inboundFixture";
import { repoPath } from "./measure";
import { median, type Spread, spreadOf } from "./rounds";

// biome-ignore lint/suspicious/noExplicitAny: webpack's own API, from plain JavaScript
const webpack: any = require("webpack");
// biome-ignore lint/suspicious/noExplicitAny: the project's webpack configuration
const projectConfig: any = require(repoPath("webpack.config.js"));

const PAIRS = 15;
const FLOOR = repoPath("bench", "out", "floor", "index.js");
const FLOOR_WITH_SDK = repoPath("bench", "out", "floor-sdk", "index.js");
const OURS = repoPath("dist", "index.js");

/** A fixture in bench/floor/, bundled with the project's configuration (without its asset copying). */
async function buildFixture(entry: string, outDir: string): Promise<void> {
  const config = {
    ...projectConfig,
    entry: repoPath("bench", "floor", entry),
    output: { ...projectConfig.output, path: repoPath("bench", "out", outDir) },
    plugins: projectConfig.plugins.filter(
      (plugin: object) => plugin.constructor.name !== "CopyPlugin",
    ),
  };
  await new Promise<void>((resolve, reject) =>
    webpack(
      config,
      (error: Error | null, stats: { hasErrors: () => boolean; toString: () => string }) =>
        error || stats.hasErrors() ? reject(error ?? new Error(stats.toString())) : resolve(),
    ),
  );
}

/** The floor (one no-op action) and the floor plus one bare SDK call. */
export async function buildFloor(): Promise<void> {
  await buildFixture("index.ts", "floor");
  await buildFixture("sdkCall.ts", "floor-sdk");
}

/**
 * What a fresh process does, as the runner would: load the component, optionally run one step
 * through its converted `perform`, and report its wall time from process start and peak RSS.
 */
const STEP_SCRIPT = `
const started = process.hrtime.bigint();
const [bundle, kind, endpoint] = process.argv.slice(1);
const component = require(bundle).default;
const logger = { info() {}, warn() {}, error() {}, debug() {}, log() {}, metric() {} };
const context = { logger, instanceState: {}, crossFlowState: {}, executionState: {}, integrationState: {},
  configVars: {}, stepId: "s", executionId: "e", webhookUrls: {}, webhookApiKeys: {}, invokeUrl: "",
  customer: {}, instance: {}, user: {}, integration: {}, flow: {}, startedAt: "" };
const connection = { key: "apiKeySecret", label: "", fields: { accessKeyId: "AKIACOLDSTART0000001", secretAccessKey: "local-not-real" } };
const steps = {
  load: async () => {},
  noop: () => component.actions.noop.perform(context, {}),
  sdkList: () => component.actions.listIdentities.perform(context, { endpoint }),
  list: () => component.actions.listIdentities.perform(context, { connection, region: "us-east-1", endpoint, pageSize: "20", fetchAll: "false" }),
  // An SNS delivery to SES Notification: the demo's stand-in signs it and serves the certificate
  // in-process (its small module is loaded for this row only).
  sns: () => {
    const localSns = require(process.env.LOCAL_SNS);
    localSns.serveSnsLocally();
    const body = JSON.stringify(localSns.signAsSns({ Type: "Notification", MessageId: "c0ld-0000-4000-8000-000000000001",
      TopicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
      Message: JSON.stringify({ notificationType: "Delivery", mail: { messageId: "m" }, delivery: {} }) }));
    return component.triggers.sesNotification.perform(context, { headers: {}, queryParameters: {}, rawBody: { data: body },
      body: { data: body }, webhookUrls: {}, webhookApiKeys: {}, invokeUrl: "", executionId: "e", customer: {}, instance: {},
      user: {}, integration: {}, flow: {}, startedAt: "", globalDebug: false, pathFragment: "" },
      { allowedTopicArns: ["arn:aws:sns:us-east-1:111122223333:ses-notifications"], eventTypes: [], maxMessageAgeSeconds: "3600",
        requireSignatureV2: "false", region: "us-east-1", includeHeaders: "false" });
  },
  fetch: () => component.actions.fetchReceivedEmail.perform(context, { connection, region: "us-east-1", endpoint,
    bucket: "inbound-mail", objectKey: "inbound/cold-start", expectedAccountId: "111122223333",
    expectedRuleName: "store-inbound", requireEncryption: "true", maxSizeMb: "40", includeRawMime: "false",
    allowLegacyCbc: "false" }),
  send: () => component.actions.sendEmail.perform(context, { connection, region: "us-east-1", endpoint,
    from: "a@example.com", to: ["b@example.com"], cc: [], bcc: [], replyTo: [], subject: "Hi", textBody: "Hello",
    attachments: [], inlineImages: [], headers: [], tags: [] }),
};
// A step that "succeeds" with the wrong result would make its row meaningless.
const expected = { fetch: (r) => r.data.encryption.authenticated === true && r.data.attachments.length === 1,
  list: (r) => Array.isArray(r.data.identities), sdkList: (r) => Array.isArray(r.data.identities), send: (r) => r.data.messageId === "m-1" };
Promise.resolve(steps[kind]()).then((result) => {
  if (expected[kind] && !expected[kind](result)) throw new Error(kind + " returned " + JSON.stringify(result).slice(0, 300));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Exit at once: the SDK's keep-alive socket would hold the process open.
  // VmHWM, not getrusage's maxRSS: Linux carries maxRSS over from the forking parent across exec.
  const hwm = /VmHWM:\\s+(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
  process.stdout.write(JSON.stringify({ ms, rssKb: Number(hwm && hwm[1]) }), () => process.exit(0));
}, (error) => { process.stderr.write(String(error && error.message)); process.exit(1); });
`;

interface Sample {
  /** Wall time of the whole process, from spawn to exit. */
  wallMs: number;
  rssMiB: number;
}

const run = promisify(execFile);

/** One fresh process (asynchronously: the parent's fake endpoint must keep answering). */
async function runProcess(args: string[], env: Record<string, string> = {}): Promise<Sample> {
  const start = process.hrtime.bigint();
  const { stdout: out } = await run(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, LOCAL_SNS: repoPath("demo", "localSns.js"), ...env },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = out ? JSON.parse(out).rssKb : 0;
  return { wallMs, rssMiB: rssKb / 1024 };
}

/**
 * A local AWS for the steps: SES v2 (an empty identity list, or a message ID for a send), and S3
 * serving one small received mail encrypted as SES stores it, its data key held by the demo's
 * KMS stand-in.
 */
async function startFakeAws() {
  // biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
  const { startLocalKms } = require(repoPath("demo", "localKms.js")) as any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const { encryptLikeSes } = require(repoPath("demo", "sesEncryption")) as any;
  const kms = await startLocalKms();
  const mail = encryptLikeSes(mailOfSize(4 * 1024), {
    ...kms.generateDataKey(CONTEXT),
    encryptionContext: CONTEXT,
  });
  const metadataHeaders = Object.fromEntries(
    Object.entries(mail.metadata as Record<string, string>).map(([k, v]) => [`x-amz-meta-${k}`, v]),
  );
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "GET" && req.url?.startsWith("/inbound-mail/")) {
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": mail.body.length,
          ...metadataHeaders,
        });
        res.end(mail.body);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        req.url?.includes("outbound-emails") ? '{"MessageId":"m-1"}' : '{"EmailIdentities":[]}',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    env: { AWS_ENDPOINT_URL_KMS: kms.url as string },
    close: () => {
      server.close();
      kms.close();
    },
  };
}

export interface ColdStartRow {
  label: string;
  ours: Sample;
  floor: Sample;
  /** Ours / floor wall time, per pair. */
  ratio: Spread;
  /** Ours - floor peak RSS (MiB), per pair. */
  extraRss: Spread;
}

/** Paired fresh processes: ours and the floor alternate, so drift hits both alike. */
export async function benchColdStart() {
  await buildFloor();
  const aws = await startFakeAws();
  try {
    const bareRuns: number[] = [];
    for (let i = 0; i < PAIRS; i++) bareRuns.push((await runProcess(["-e", "0"])).wallMs);
    const bare = median(bareRuns);
    const pairs = async (oursKind: string, floorKind: string, floorBundle = FLOOR) => {
      const ours: Sample[] = [];
      const floor: Sample[] = [];
      const runOurs = async () =>
        ours.push(await runProcess(["-e", STEP_SCRIPT, OURS, oursKind, aws.url], aws.env));
      const runFloor = async () =>
        floor.push(await runProcess(["-e", STEP_SCRIPT, floorBundle, floorKind, aws.url], aws.env));
      for (let i = 0; i < PAIRS; i++) {
        // The order alternates, so neither always runs on a machine the other just warmed.
        if (i % 2 === 0) {
          await runOurs();
          await runFloor();
        } else {
          await runFloor();
          await runOurs();
        }
      }
      const pick = (samples: Sample[]) => ({
        wallMs: median(samples.map((s) => s.wallMs)),
        rssMiB: median(samples.map((s) => s.rssMiB)),
      });
      return {
        ours: pick(ours),
        floor: pick(floor),
        ratio: spreadOf(ours.map((sample, i) => sample.wallMs / floor[i].wallMs)),
        extraRss: spreadOf(ours.map((sample, i) => sample.rssMiB - floor[i].rssMiB)),
      };
    };
    const rows: ColdStartRow[] = [
      { label: "load the component", ...(await pairs("load", "load")) },
      { label: "start → first List Identities result", ...(await pairs("list", "noop")) },
      {
        label: "start → first List Identities result, against the floor + one bare SDK call",
        ...(await pairs("list", "sdkList", FLOOR_WITH_SDK)),
      },
      { label: "start → first Send Email result", ...(await pairs("send", "noop")) },
      {
        label: "start → Fetch Received Email (4 KB, KMS-encrypted)",
        ...(await pairs("fetch", "noop")),
      },
      { label: "start → SNS delivery to SES Notification", ...(await pairs("sns", "noop")) },
    ];
    return { bareMs: bare, rows };
  } finally {
    aws.close();
  }
}
