import { createDecipheriv, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DecryptCommand, KMSClient } from "@aws-sdk/client-kms";
import { GetObjectCommand, paginateListObjectsV2, S3Client } from "@aws-sdk/client-s3";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import PostalMime from "postal-mime";
import { receivedMime } from "../test/helpers/receivedMail";
import { startS3Emulator } from "../test/helpers/s3Emulator";
import { repoPath } from "./measure";
import { median, pairedRounds, ratioSpread } from "./rounds";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { startLocalKms } = require(repoPath("demo", "localKms.js")) as any;
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { encryptLikeSes } = require(repoPath("demo", "sesEncryption.js")) as any;

const BUCKET = "inbound-mail";
const KEYS = {
  accessKeyId: "AKIALOCALBENCH000002",
  secretAccessKey: "local-bench-secret-not-real",
};
export const MAILS = 1000;
export const POLL_ROUNDS = 3;
const PER_POLL = 100;

/** A small received mail: SES's headers, text and a 4 KB attachment. */
const mail = () =>
  receivedMime({
    attachments: [{ fileNameHeader: 'filename="order.pdf"', body: randomBytes(4096) }],
  });

/**
 * 1,000 encrypted mails in s3rver, drained by the bundled New Received Email trigger (polls of
 * 100, state saved as JSON between polls) against a bare baseline doing the same reads by hand:
 * list the prefix, GetObject, KMS Decrypt of the data key, AES-256-GCM decrypt, postal-mime
 * parse. Both against the same emulators; paired rounds.
 */
export async function benchMailPolling() {
  const s3 = await startS3Emulator(BUCKET, KEYS);
  const kms = await startLocalKms();
  process.env.AWS_ENDPOINT_URL_KMS = kms.url;
  const quiet = { log: console.log, info: console.info, warn: console.warn };
  try {
    for (let n = 0; n < MAILS; n++) {
      const context = { "aws:ses:message-id": `m${n}`, "aws:ses:source-account": "111122223333" };
      const { body, metadata } = encryptLikeSes(mail(), {
        ...kms.generateDataKey(context),
        encryptionContext: context,
      });
      await s3.put(`inbound/m${String(n).padStart(5, "0")}`, body, metadata);
    }
    const component = require(repoPath("dist", "index.js")).default;
    const harness = createHarness(component);
    const connection = createConnection(component.connections[0], KEYS);
    console.log = console.info = console.warn = () => {};

    let repeats = 0;
    let lost = 0;
    let polls = 0;
    const ours = async () => {
      const start = performance.now();
      let state = "{}";
      const seen = new Set<string>();
      for (;;) {
        const instanceState = JSON.parse(state);
        // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
        const result: any = await harness.trigger(
          "newReceivedEmail",
          {},
          {
            connection,
            region: "us-east-1",
            bucket: BUCKET,
            prefix: "inbound/",
            endpoint: s3.url,
            processExisting: "true",
            maxMailsPerPoll: String(PER_POLL),
            expectedAccountId: "111122223333",
          },
          { instanceState },
        );
        state = JSON.stringify(instanceState);
        polls++;
        if (result.resultType === "polled_no_changes") break;
        for (const { key } of result.payload.body.data.mails) {
          if (seen.has(key)) repeats++;
          seen.add(key);
        }
      }
      lost += MAILS - seen.size;
      return seen.size / ((performance.now() - start) / 1000);
    };
    const client = new S3Client({
      region: "us-east-1",
      endpoint: s3.url,
      forcePathStyle: true,
      credentials: KEYS,
    });
    const kmsClient = new KMSClient({ region: "us-east-1", endpoint: kms.url, credentials: KEYS });
    const bare = async () => {
      const start = performance.now();
      let count = 0;
      const pages = paginateListObjectsV2(
        { client, pageSize: 1000 },
        { Bucket: BUCKET, Prefix: "inbound/" },
      );
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: object.Key }));
          const bytes = Buffer.from(
            await (
              got.Body as { transformToByteArray(): Promise<Uint8Array> }
            ).transformToByteArray(),
          );
          const meta = got.Metadata ?? {};
          const { Plaintext } = await kmsClient.send(
            new DecryptCommand({
              CiphertextBlob: Buffer.from(meta["x-amz-key-v2"], "base64"),
              EncryptionContext: JSON.parse(meta["x-amz-matdesc"]),
            }),
          );
          const decipher = createDecipheriv(
            "aes-256-gcm",
            Buffer.from(Plaintext as Uint8Array),
            Buffer.from(meta["x-amz-iv"], "base64"),
          );
          decipher.setAuthTag(bytes.subarray(bytes.length - 16));
          const plain = Buffer.concat([
            decipher.update(bytes.subarray(0, bytes.length - 16)),
            decipher.final(),
          ]);
          await PostalMime.parse(plain);
          count++;
        }
      }
      return count / ((performance.now() - start) / 1000);
    };
    const rounds = await pairedRounds({ ours, bare }, POLL_ROUNDS);
    return {
      mails: MAILS,
      perPoll: PER_POLL,
      pollsPerDrain: polls / (POLL_ROUNDS + 1),
      ours: median(rounds.map((r) => r.ours)),
      bare: median(rounds.map((r) => r.bare)),
      ratio: ratioSpread(rounds, "ours", "bare"),
      repeats,
      lost,
    };
  } finally {
    Object.assign(console, quiet);
    delete process.env.AWS_ENDPOINT_URL_KMS;
    await kms.close();
    await s3.close();
  }
}
