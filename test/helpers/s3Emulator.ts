import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

// biome-ignore lint/suspicious/noExplicitAny: s3rver ships no types
const S3rver = require("s3rver") as any;

// biome-ignore lint/suspicious/noExplicitAny: s3rver ships no types
const { DUMMY_ACCOUNT } = require("s3rver/lib/models/account") as any;

/**
 * s3rver in this process, on a free loopback port, with one bucket; keeps x-amz-meta-* metadata.
 * It checks SigV4 signatures, so the test key pair is registered with it.
 */
export async function startS3Emulator(
  bucket: string,
  keys?: { accessKeyId: string; secretAccessKey: string },
) {
  if (keys) DUMMY_ACCOUNT.createKeyPair(keys.accessKeyId, keys.secretAccessKey);
  const directory = mkdtempSync(join(tmpdir(), "s3rver-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const url = `http://127.0.0.1:${port}`;
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint: url,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    url,
    put: (key: string, body: Buffer, metadata: Record<string, string> = {}) =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Metadata: metadata })),
    close: async () => {
      s3.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
