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
import { stringToSign } from "../src/sns/snsMessage";
import { repoPath } from "./measure";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const localSns: any = require(repoPath("demo", "localSns.js"));
const CERT = new X509Certificate(
  readFileSync(repoPath("test", "fixtures", "sns", "test-signing-cert.pem")),
).publicKey;
const TOPIC = "arn:aws:sns:us-east-1:111122223333:ses-notifications";
const N = 1000;

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
  JSON.stringify(
    localSns.signAsSns({
      Type: "Notification",
      MessageId: `${prefix}0000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      TopicArn: TOPIC,
      Message: JSON.stringify({
        eventType: "Bounce",
        bounce: {
          bounceType: "Permanent",
          bouncedRecipients: [{ emailAddress: `u${n}@example.org` }],
        },
        mail: { messageId: `ses-${n}`, timestamp: new Date().toISOString(), destination: [] },
      }),
    }),
  );

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

    // Ours: scheduled runs of the bundled trigger, then Acknowledge SES Events per batch of 10.
    const ours = (await sqs.send(new CreateQueueCommand({ QueueName: "bench-ours" })))
      .QueueUrl as string;
    await fill(sqs, ours, bodies);
    const state = { instanceState: {}, crossFlowState: {} as Record<string, unknown> };
    const params = {
      connection,
      endpoint: server.address,
      queueUrl: ours,
      allowedTopicArns: [TOPIC],
      maxMessagesPerRun: "1000",
      waitTimeSeconds: "0",
    };
    const runOnce = async () => {
      // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
      const items: any[] = [];
      let paginationState: unknown;
      do {
        // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
        const result: any = await harness.trigger(
          "sesQueueEvents",
          (paginationState ? { paginationState } : {}) as Record<string, never>,
          params,
          state,
        );
        items.push(...result.payload.body.data);
        paginationState = result.payload.paginationState;
      } while (paginationState);
      for (let i = 0; i < items.length; i += 10) {
        // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
        const ack: any = await harness.action(
          "acknowledgeSesEvents",
          { connection, endpoint: server.address, events: items.slice(i, i + 10) },
          state,
        );
        state.crossFlowState = ack.crossFlowState;
      }
      return items.length;
    };
    let start = performance.now();
    const handed = await runOnce();
    const oursPerSecond = handed / ((performance.now() - start) / 1000);

    // Baseline: the same work by hand: receive 10, parse, verify the signature, parse the event, delete.
    const bare = (await sqs.send(new CreateQueueCommand({ QueueName: "bench-bare" })))
      .QueueUrl as string;
    await fill(sqs, bare, bodies);
    start = performance.now();
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
          Entries: Messages.map((m, id) => ({ Id: String(id), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
    const barePerSecond = bareCount / ((performance.now() - start) / 1000);

    // Duplicates: every event again, after its first copy was acknowledged, and 200 sent twice at once.
    await fill(sqs, ours, bodies);
    const lateHanded = await runOnce();
    const twins = Array.from({ length: 200 }, (_, n) => envelope(n, "1111"));
    await fill(sqs, ours, [...twins, ...twins]);
    const twinHanded = await runOnce();

    // Webhook: the bundled SES Notification trigger, one SNS delivery per execution.
    const webhookBodies = bodies.slice(0, 500);
    const webhookState = { instanceState: {} as Record<string, unknown> };
    start = performance.now();
    for (const body of webhookBodies) {
      // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
      const result: any = await harness.trigger(
        "sesNotification",
        { rawBody: { data: body }, body: { data: body } },
        { allowedTopicArns: [TOPIC], eventTypes: [] },
        webhookState,
      );
      if (result.instanceState) webhookState.instanceState = result.instanceState;
    }
    const webhookPerSecond = webhookBodies.length / ((performance.now() - start) / 1000);
    start = performance.now();
    for (const body of webhookBodies) {
      bareHandle(body);
    }
    const webhookBarePerSecond = webhookBodies.length / ((performance.now() - start) / 1000);
    return {
      events: N,
      oursPerSecond,
      barePerSecond,
      webhookPerSecond,
      webhookBarePerSecond,
      webhookEvents: webhookBodies.length,
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
