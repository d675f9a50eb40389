import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { repoPath } from "./measure";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helper shared with the demo
const { encryptLikeSes } = require(repoPath("demo", "sesEncryption")) as any;

export const CONTEXT = {
  "aws:ses:message-id": "bench000000000000000000000000000000000001",
  "aws:ses:rule-name": "store-inbound",
  "aws:ses:source-account": "111122223333",
};

/** A MIME mail of about `size` bytes: a short text part and one base64 attachment. */
export function mailOfSize(size: number): Buffer {
  const head =
    'From: sender@example.org\r\nTo: inbox@example.com\r\nSubject: Bench\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\nContent-Type: application/octet-stream; name="data.bin"\r\nContent-Disposition: attachment; filename="data.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  const tail = "\r\n--b--\r\n";
  const room = Math.max(0, size - head.length - tail.length);
  const raw = randomBytes(Math.floor((room / 78) * 57));
  const base64 = raw.toString("base64").replace(/.{76}/g, "$&\r\n");
  return Buffer.from(head + base64 + tail);
}

/** The mail encrypted as SES stores it with a KMS key, plus that key. */
export function encryptedMail(size: number) {
  const plain = mailOfSize(size);
  const dataKey = randomBytes(32);
  const wrappedKey = randomBytes(184);
  const { body, metadata } = encryptLikeSes(plain, {
    dataKey,
    wrappedKey,
    encryptionContext: CONTEXT,
  });
  return {
    plain,
    body: body as Buffer,
    metadata: metadata as Record<string, string>,
    dataKey,
    wrappedKey,
  };
}

/** An S3 client that serves one object from memory, in 64 KB chunks, as the SDK would. */
export function inMemoryS3(body: Buffer, metadata: Record<string, string>): S3Client {
  return {
    send: async () => {
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < body.length; offset += 64 * 1024)
        chunks.push(body.subarray(offset, offset + 64 * 1024));
      return { ContentLength: body.length, Metadata: metadata, Body: Readable.from(chunks) };
    },
  } as unknown as S3Client;
}
