import { createHash, randomBytes } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { bundledHarness } from "../helpers/bundle";
import { accessKey, TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { receivedMime } from "../helpers/receivedMail";
import { startS3Emulator } from "../helpers/s3Emulator";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { startLocalKms } = require("../../demo/localKms") as any;
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { encryptLikeSes } = require("../../demo/sesEncryption") as any;

jest.setTimeout(60_000);

const BUCKET = "inbound-mail";
const harness = bundledHarness();
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface PollResult {
  resultType?: string;
  payload: {
    body: {
      data?: {
        mails: {
          key: string;
          attachments: { file: { data: Buffer } }[];
          encryption: { authenticated: boolean | null };
        }[];
        unreadable: { key: string; reason: string }[];
        waiting: number;
      };
    };
  };
}

/**
 * S3 between the trigger and s3rver, passing every request through unchanged (s3rver checks the
 * signature, host included) except GETs of the keys in `failing`, answered 503 SlowDown.
 */
async function startFlakyS3(target: string) {
  const failing = new Set<string>();
  const server: Server = createServer((incoming, answer) => {
    const key = decodeURIComponent(
      (incoming.url ?? "").split("?")[0].split("/").slice(2).join("/"),
    );
    if (incoming.method === "GET" && failing.has(key)) {
      answer.writeHead(503, { "content-type": "application/xml" });
      answer.end(
        "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
      );
      return;
    }
    const upstream = new URL(target);
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (response) => {
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("New Received Email: polling the receipt rule's bucket, no SNS", () => {
  let s3: Awaited<ReturnType<typeof startS3Emulator>>;
  let flaky: Awaited<ReturnType<typeof startFlakyS3>>;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  let kms: any;
  beforeAll(async () => {
    s3 = await startS3Emulator(BUCKET, { accessKeyId: TEST_KEY_ID, secretAccessKey: TEST_SECRET });
    flaky = await startFlakyS3(s3.url);
    kms = await startLocalKms();
    process.env.AWS_ENDPOINT_URL_KMS = kms.url;
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_KMS;
    await kms.close();
    await flaky.close();
    await s3.close();
  });

  /** A mail as SES stores it under `key`, encrypted with the local KMS; its attachment's hash. */
  async function store(key: string, options: { corrupt?: boolean } = {}) {
    const attachment = randomBytes(2048);
    const context = {
      "aws:ses:message-id": key.split("/").pop() as string,
      "aws:ses:rule-name": "store-inbound",
      "aws:ses:source-account": "111122223333",
    };
    const { body, metadata } = encryptLikeSes(
      receivedMime({ attachments: [{ fileNameHeader: 'filename="po.pdf"', body: attachment }] }),
      { ...kms.generateDataKey(context), encryptionContext: context },
    );
    if (options.corrupt) body[body.length - 1] ^= 1; // the GCM tag no longer matches
    await s3.put(key, body, metadata);
    return sha256(attachment);
  }

  /** One poll as Prismatic runs it: state loaded, and saved only if the execution succeeds. */
  class PollingFlow {
    instanceState: Record<string, unknown> = {};
    constructor(private readonly params: Record<string, unknown>) {}
    async poll(options: { executionFails?: boolean } = {}): Promise<PollResult> {
      const loaded = structuredClone(this.instanceState);
      const result = (await harness.trigger(
        "newReceivedEmail",
        {},
        {
          connection: accessKey,
          region: "us-east-1",
          bucket: BUCKET,
          endpoint: flaky.url,
          expectedAccountId: "111122223333",
          expectedRuleName: "store-inbound",
          requireEncryption: "true",
          ...this.params,
        },
        { instanceState: loaded },
      )) as unknown as PollResult;
      if (!options.executionFails) this.instanceState = loaded;
      return result;
    }
  }

  it("hands each new mail over once across polls and a failed execution; an unreadable one is reported once", async () => {
    for (let n = 0; n < 3; n++) await store(`inbound/old-${n}`);
    const flow = new PollingFlow({ prefix: "inbound/", maxMailsPerPoll: "10" });
    // The first poll notes what is there (Process Existing Mail off) and hands nothing over.
    const first = await flow.poll();
    expect(first.resultType).toBe("polled_no_changes");

    const hashes = new Map<string, string>();
    for (let n = 0; n < 24; n++) {
      const key = `inbound/new-${String(n).padStart(2, "0")}`;
      hashes.set(key, await store(key));
    }
    await store("inbound/forged", { corrupt: true });
    await s3.put("inbound/not-encrypted", Buffer.from("From: x@example.org\r\n\r\nhi"));
    await s3.put("outbound/not-under-the-prefix", Buffer.from("x"));

    const handedOver = new Map<string, number>();
    const reported: string[] = [];
    // The second poll's execution fails after the trigger: its mails come again.
    const keysOf = (result: PollResult) =>
      [
        ...(result.payload.body.data?.mails ?? []),
        ...(result.payload.body.data?.unreadable ?? []),
      ].map((mail) => mail.key);
    const failed = await flow.poll({ executionFails: true });
    const failedKeys = keysOf(failed);
    expect(failedKeys).toHaveLength(10);
    for (let round = 0; round < 6; round++) {
      const result = await flow.poll();
      for (const mail of result.payload.body.data?.mails ?? []) {
        handedOver.set(mail.key, (handedOver.get(mail.key) ?? 0) + 1);
        expect(mail.encryption.authenticated).toBe(true);
        expect(sha256(mail.attachments[0].file.data)).toBe(hashes.get(mail.key));
      }
      reported.push(...(result.payload.body.data?.unreadable.map((mail) => mail.key) ?? []));
      if (round === 0) expect(keysOf(result)).toEqual(failedKeys);
    }
    // Every new mail exactly once; the old ones and another prefix's never; unreadable ones once.
    expect([...handedOver.keys()].sort()).toEqual([...hashes.keys()].sort());
    expect([...handedOver.values()].every((count) => count === 1)).toBe(true);
    // Require Encryption refuses the unencrypted one; the forged one fails its GCM tag.
    expect(reported.sort()).toEqual(["inbound/forged", "inbound/not-encrypted"]);
    expect((await flow.poll()).resultType).toBe("polled_no_changes");
  });

  it("with Process Existing Mail, drains what is there; a busy S3 stops the poll without losing the mail", async () => {
    const prefix = "drain/";
    const keys: string[] = [];
    for (let n = 0; n < 7; n++) {
      keys.push(`${prefix}m-${n}`);
      await store(keys[n]);
    }
    const flow = new PollingFlow({ prefix, maxMailsPerPoll: "3", processExisting: "true" });
    flaky.failing.add(keys[1]);
    const stopped = await flow.poll();
    // The mail before the busy one is handed over; the busy one and the rest wait.
    expect(stopped.payload.body.data?.mails.map((mail) => mail.key)).toEqual([keys[0]]);
    expect(stopped.payload.body.data?.waiting).toBe(6);
    flaky.failing.clear();
    const seen: string[] = [keys[0]];
    for (let round = 0; round < 4; round++) {
      seen.push(...((await flow.poll()).payload.body.data?.mails.map((mail) => mail.key) ?? []));
    }
    expect(seen).toEqual(keys);
  });

  it("fails the poll when the set-up is wrong (a bucket that does not exist), so nothing is skipped", async () => {
    const flow = new PollingFlow({ bucket: "no-such-bucket-here", processExisting: "true" });
    await expect(flow.poll()).rejects.toThrow();
    expect(flow.instanceState).toEqual({});
  });
});
