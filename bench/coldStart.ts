import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { repoPath } from "./measure";

// biome-ignore lint/suspicious/noExplicitAny: webpack's own API, from plain JavaScript
const webpack: any = require("webpack");
// biome-ignore lint/suspicious/noExplicitAny: the project's webpack configuration
const projectConfig: any = require(repoPath("webpack.config.js"));

const PAIRS = 15;
const FLOOR = repoPath("bench", "out", "floor", "index.js");
const OURS = repoPath("dist", "index.js");

/** The floor component, bundled with the project's configuration (without its asset copying). */
export async function buildFloor(): Promise<void> {
  const config = {
    ...projectConfig,
    entry: repoPath("bench", "floor", "index.ts"),
    output: { ...projectConfig.output, path: repoPath("bench", "out", "floor") },
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
  send: () => component.actions.sendEmail.perform(context, { connection, region: "us-east-1", endpoint,
    from: "a@example.com", to: ["b@example.com"], cc: [], bcc: [], replyTo: [], subject: "Hi", textBody: "Hello",
    attachments: [], inlineImages: [], headers: [], tags: [] }),
};
Promise.resolve(steps[kind]()).then(() => {
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
async function runProcess(args: string[]): Promise<Sample> {
  const start = process.hrtime.bigint();
  const { stdout: out } = await run(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, LOCAL_SNS: repoPath("demo", "localSns.js") },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = out ? JSON.parse(out).rssKb : 0;
  return { wallMs, rssMiB: rssKb / 1024 };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A local SES v2 endpoint: an empty identity list, or a message ID for a send. */
async function startFakeSes() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        req.url?.includes("outbound-emails") ? '{"MessageId":"m-1"}' : '{"EmailIdentities":[]}',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

export interface ColdStartRow {
  label: string;
  ours: Sample;
  floor: Sample;
}

/** Paired fresh processes: ours and the floor alternate, so drift hits both alike. */
export async function benchColdStart() {
  await buildFloor();
  const ses = await startFakeSes();
  try {
    const bareRuns: number[] = [];
    for (let i = 0; i < PAIRS; i++) bareRuns.push((await runProcess(["-e", "0"])).wallMs);
    const bare = median(bareRuns);
    const pairs = async (oursKind: string, floorKind: string) => {
      const ours: Sample[] = [];
      const floor: Sample[] = [];
      for (let i = 0; i < PAIRS; i++) {
        ours.push(await runProcess(["-e", STEP_SCRIPT, OURS, oursKind, ses.url]));
        floor.push(await runProcess(["-e", STEP_SCRIPT, FLOOR, floorKind, ses.url]));
      }
      const pick = (samples: Sample[]) => ({
        wallMs: median(samples.map((s) => s.wallMs)),
        rssMiB: median(samples.map((s) => s.rssMiB)),
      });
      return { ours: pick(ours), floor: pick(floor) };
    };
    const rows: ColdStartRow[] = [
      { label: "load the component", ...(await pairs("load", "load")) },
      { label: "start → first List Identities result", ...(await pairs("list", "noop")) },
      { label: "start → first Send Email result", ...(await pairs("send", "noop")) },
      { label: "start → SNS delivery to SES Notification", ...(await pairs("sns", "noop")) },
    ];
    return { bareMs: bare, rows };
  } finally {
    ses.close();
  }
}
