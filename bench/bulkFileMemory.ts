import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startRateLimitedSes } from "../test/helpers/rateLimitedSes";

// biome-ignore lint/suspicious/noExplicitAny: s3rver ships no types
const S3rver = require("s3rver") as any;
// biome-ignore lint/suspicious/noExplicitAny: s3rver ships no types
const { DUMMY_ACCOUNT } = require("s3rver/lib/models/account") as any;

const BUCKET = "campaign-lists";
const CASES: { mode: "file" | "inline"; count: number }[] = [
  { mode: "file", count: 10_000 },
  { mode: "file", count: 100_000 },
  { mode: "file", count: 1_000_000 },
  { mode: "inline", count: 10_000 },
  { mode: "inline", count: 100_000 },
];

/**
 * Peak memory of one run (5 s budget, 2,000/s: about 10,000 sends) with its list as a
 * Destinations File in s3rver of 10,000 to 1,000,000 lines, against the same list given inline;
 * each in a fresh process. Target: the file's figure bounded, not growing with the list.
 */
export async function benchBulkFileMemory() {
  const directory = mkdtempSync(join(tmpdir(), "bench-s3-"));
  DUMMY_ACCOUNT.createKeyPair("AKIABENCH00000000001", "bench-secret-not-real");
  const s3rver = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await s3rver.run();
  const s3Url = `http://127.0.0.1:${port}`;
  const ses = await startRateLimitedSes({ rate: 1_000_000 });
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint: s3Url,
    forcePathStyle: true,
    credentials: { accessKeyId: "AKIABENCH00000000001", secretAccessKey: "bench-secret-not-real" },
  });
  try {
    const rows = [];
    for (const { mode, count } of CASES) {
      const key = `lists/${count}.jsonl`;
      let fileBytes = 0;
      if (mode === "file") {
        const lines = Array.from({ length: count }, (_, i) =>
          JSON.stringify({ to: `u${i}@example.com`, templateData: { i } }),
        );
        const body = Buffer.from(`${lines.join("\n")}\n`);
        fileBytes = body.length;
        await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      }
      // Not execFileSync: the emulators the child calls run in this process's event loop.
      const { stdout: out } = await promisify(execFile)(
        process.execPath,
        [
          "--expose-gc",
          join(__dirname, "bulkMemoryProbe.js"),
          mode,
          String(count),
          ses.url,
          s3Url,
          BUCKET,
          key,
        ],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const { rss, done } = JSON.parse(out.slice(out.lastIndexOf("{")));
      rows.push({ mode, count, fileBytes, peakRss: rss, sent: done });
      console.log(
        `  ${mode} ${count}: peak extra RSS ${(rss / 1024 / 1024).toFixed(1)} MB, ${done} done in the run`,
      );
    }
    return rows;
  } finally {
    s3.destroy();
    await ses.close();
    await s3rver.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
