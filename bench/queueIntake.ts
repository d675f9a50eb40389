import { verify, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import { IntakeLedger } from "../src/intake/intakeLedger";
import { stringToSign } from "../src/sns/snsMessage";
import { repoPath } from "./measure";
import { median, pairedRounds, ratioSpread } from "./rounds";
import { BENCH_TOPIC, signedBounce } from "./signedBounce";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const localSns: any = require(repoPath("demo", "localSns.js"));
const CERT = new X509Certificate(
  readFileSync(repoPath("test", "fixtures", "sns", "test-signing-cert.pem")),
).publicKey;
const TOPIC = BENCH_TOPIC;
const N = 1000;
export const QUEUE_ROUNDS = 7;

/**
 * The trigger's stored ledger after 5,000, 50,000 and 100,000 hand-overs (its only per-event
 * state): its size, the time to save and load it as JSON, and one event's ledger work (look up,
 * record) at that size, to show it does not grow with the ledger.
 */
function ledgerFigures() {
  return [5000, 50000, 100000].map((events) => {
    const ledger = new IntakeLedger();
    const start = Date.now();
    for (let n = 0; n < events; n++) {
      ledger.record(
        `sns:0000${String(n).padStart(8, "0")}-0000-4000-8000-${n}`,
        `m-${n}`,
        start + n * 50,
      );
    }
    const text = JSON.stringify(ledger);
    let t = performance.now();
    for (let i = 0; i < 5; i++) JSON.stringify(IntakeLedger.read(JSON.parse(text)));
    const saveLoadMs = (performance.now() - t) / 5;
    const loaded = IntakeLedger.read(JSON.parse(text));
    const lookups = 20_000;
    t = performance.now();
    for (let n = 0; n < lookups; n++) {
      const key = `sns:new-${n}`;
      if (!loaded.carrierOf(key)) loaded.record(key, `m-new-${n}`, start + events * 50);
    }
    const perEventUs = ((performance.now() - t) * 1000) / lookups;
    return { events, bytes: text.length, saveLoadMs, perEventUs };
  });
}

/** The bare baseline's work for one SNS envelope: parse, RSA verify, parse the SES event. */
function bareHandle(body: string) {
  const sns = JSON.parse(body);
  verify("sha256", Buffer.from(stringToSign(sns)), CERT, Buffer.from(sns.Signature, "base64"));
  JSON.parse(sns.Message);
}

// fauxqs is ESM-only; the bench is compiled to CommonJS, whose import() would become require().
const importEsm = new Function("specifier", "return import(specifier)") as (
  specifier: string,
) => Promise<{
  startFauxqs: (o: object) => Promise<{ address: string; stop: () => Promise<void> }>;
}>;

const envelope = (n: number, prefix = "0000") =>
  signedBounce(n, `${prefix}0000-0000-4000-8000-${String(n).padStart(12, "0")}`);

async function fill(sqs: SQSClient, queueUrl: string, bodies: string[]) {
  for (let i = 0; i < bodies.length; i += 10) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies
          .slice(i, i + 10)
          .map((MessageBody, id) => ({ Id: String(id), MessageBody })),
      }),
    );
  }
}

/** Receive, verify, normalise, hand over, acknowledge: the whole SQS path, per second. */
export async function benchQueueIntake() {
  const { startFauxqs } = await importEsm("fauxqs");
  const server = await startFauxqs({ port: 0, logger: false });
  const sns = localSns.serveSnsLocally();
  const quiet = { log: console.log, info: console.info, warn: console.warn };
  try {
    const sqs = new SQSClient({
      endpoint: server.address,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const component = require(repoPath("dist", "index.js")).default;
    const harness = createHarness(component);
    const connection = createConnection(component.connections[0], {
      accessKeyId: "AKIALOCALBENCH000001",
      secretAccessKey: "local-bench-secret-not-real",
    });
    const bodies = Array.from({ length: N }, (_, n) => envelope(n));
    // The steps' execution log lines (Spectral's harness logger writes to the console).
    console.log = console.info = console.warn = () => {};

    // Ours: scheduled runs of the bundled trigger, then Acknowledge SES Events per batch of 10,
    // `concurrency` batch executions at a time (each loads state when it starts, and writes
    // back whatever it returns when it ends, as Prismatic does).
    let queues = 0;
    const freshQueue = async () =>
      (await sqs.send(new CreateQueueCommand({ QueueName: `bench-ours-${queues++}` })))
        .QueueUrl as string;
    let ours = await freshQueue();
    await fill(sqs, ours, bodies);
    let state = { instanceState: {}, crossFlowState: {} as Record<string, unknown> };
    const params = () => ({
      connection,
      endpoint: server.address,
      queueUrl: ours,
      allowedTopicArns: [TOPIC],
      maxMessagesPerRun: "1000",
      waitTimeSeconds: "0",
    });
    const runOnce = async (concurrency = 1) => {
      // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
      const items: any[] = [];
      let paginationState: unknown;
      do {
        // Each page loads the state as the platform stores it (JSON) and saves it when it ends.
        const loaded = JSON.parse(JSON.stringify(state));
        // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
        const result: any = await harness.trigger(
          "sesQueueEvents",
          (paginationState ? { paginationState } : {}) as Record<string, never>,
          params(),
          loaded,
        );
        state = loaded;
        items.push(...result.payload.body.data);
        paginationState = result.payload.paginationState;
      } while (paginationState);
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const batch = items.slice(next, next + 10);
          next += 10;
          const loaded = JSON.parse(JSON.stringify(state));
          // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
          const ack: any = await harness.action(
            "acknowledgeSesEvents",
            { connection, endpoint: server.address, events: batch },
            loaded,
          );
          if (ack.crossFlowState) state.crossFlowState = ack.crossFlowState;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return items.length;
    };
    const timed = async (run: () => Promise<number>) => {
      const start = performance.now();
      const count = await run();
      return count / ((performance.now() - start) / 1000);
    };
    // Baseline: the same work by hand: receive 10, parse, verify the signature, parse the event, delete.
    const bareRun = async () => {
      const bare = (await sqs.send(new CreateQueueCommand({ QueueName: `bench-bare-${queues++}` })))
        .QueueUrl as string;
      await fill(sqs, bare, bodies);
      return timed(async () => {
        let bareCount = 0;
        for (;;) {
          const { Messages = [] } = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: bare,
              MaxNumberOfMessages: 10,
              VisibilityTimeout: 600,
            }),
          );
          if (Messages.length === 0) break;
          for (const message of Messages) {
            bareHandle(message.Body ?? "");
            bareCount += 1;
          }
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: bare,
              Entries: Messages.map((m, id) => ({
                Id: String(id),
                ReceiptHandle: m.ReceiptHandle,
              })),
            }),
          );
        }
        return bareCount;
      });
    };
    const oursRun = async (concurrency: number) => {
      ours = await freshQueue();
      await fill(sqs, ours, bodies);
      state = { instanceState: {}, crossFlowState: {} };
      return timed(() => runOnce(concurrency));
    };
    // Paired rounds: ours at batch concurrency 1 and 4 and the bare baseline, the order rotating.
    const rounds = await pairedRounds(
      { one: () => oursRun(1), four: () => oursRun(4), bare: bareRun },
      QUEUE_ROUNDS,
    );
    const stateBytes = JSON.stringify(state.instanceState).length;

    // Duplicates (on the last round's queue and state): every event again, after its first copy
    // was acknowledged, and 200 sent twice at once.
    await fill(sqs, ours, bodies);
    const lateHanded = await runOnce();
    const twins = Array.from({ length: 200 }, (_, n) => envelope(n, "1111"));
    await fill(sqs, ours, [...twins, ...twins]);
    const twinHanded = await runOnce();

    const rate = (which: "one" | "four" | "bare") => median(rounds.map((r) => r[which]));
    return {
      events: N,
      oursPerSecond: rate("one"),
      oursFourPerSecond: rate("four"),
      barePerSecond: rate("bare"),
      ratioOne: ratioSpread(rounds, "one", "bare"),
      ratioFour: ratioSpread(rounds, "four", "bare"),
      stateBytes,
      ledger: ledgerFigures(),
      lateCopies: N,
      lateHanded,
      twinCopies: twins.length,
      twinHanded: twinHanded - twins.length,
    };
  } finally {
    Object.assign(console, quiet);
    sns.restore();
    await server.stop();
  }
}
