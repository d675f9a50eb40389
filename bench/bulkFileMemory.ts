import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { startRateLimitedSes } from "../test/helpers/rateLimitedSes";
import { startS3Emulator } from "../test/helpers/s3Emulator";

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
  const s3 = await startS3Emulator(BUCKET, {
    accessKeyId: "AKIABENCH00000000001",
    secretAccessKey: "bench-secret-not-real",
  });
  const s3Url = s3.url;
  const ses = await startRateLimitedSes({ rate: 1_000_000 });
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
        await s3.put(key, body);
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
    await ses.close();
    await s3.close();
  }
}
