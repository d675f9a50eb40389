import { execFileSync } from "node:child_process";
import { createDecipheriv } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PostalMime from "postal-mime";
import { fetchStoredMail } from "../src/inbound/fetchStoredMail";
import { parseReceivedEmail } from "../src/mail/parseReceived";
import { encryptedMail, inMemoryS3 } from "./inboundFixture";
import { fmt, mb, medianMs } from "./measure";

const SIZES: [string, number, number][] = [
  ["1 KB", 1024, 200],
  ["1 MB", 1024 * 1024, 20],
  ["10 MB", 10 * 1024 * 1024, 7],
  ["30 MB", 30 * 1024 * 1024 - 4096, 5],
];

/** Ours: read the object, envelope, expectation checks, unwrap, GCM decrypt + verify, parse. */
export async function ours(fixture: ReturnType<typeof encryptedMail>) {
  const stored = await fetchStoredMail({
    s3: inMemoryS3(fixture.body, fixture.metadata),
    unwrapKey: async () => ({ dataKey: Buffer.from(fixture.dataKey), keyId: null }),
    location: { bucket: "inbound-mail", key: "inbound/bench" },
    maxBytes: 30 * 1024 * 1024,
    decrypt: { expectedAccountId: "111122223333", expectedRuleName: "store-inbound" },
  });
  return parseReceivedEmail(stored.raw);
}

/** The bare minimum: AES-256-GCM decrypt of the same bytes and the same parser. */
export async function bare(fixture: ReturnType<typeof encryptedMail>) {
  const iv = Buffer.from(fixture.metadata["x-amz-iv"], "base64");
  const decipher = createDecipheriv("aes-256-gcm", fixture.dataKey, iv);
  decipher.setAuthTag(fixture.body.subarray(fixture.body.length - 16));
  const plain = Buffer.concat([
    decipher.update(fixture.body.subarray(0, fixture.body.length - 16)),
    decipher.final(),
  ]);
  return PostalMime.parse(plain);
}

/** Peak extra memory of one run, measured in a fresh process (bench/out/bench/memoryProbe.js). */
function peakExtra(which: "ours" | "bare", fixtureFile: string): { rss: number; heap: number } {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", join(__dirname, "memoryProbe.js"), which, fixtureFile],
    { encoding: "utf8" },
  );
  if (process.env.BENCH_DEBUG) console.log(which, fixtureFile, out);
  return JSON.parse(out);
}

export async function benchInboundPipeline() {
  const dir = mkdtempSync(join(tmpdir(), "ses-bench-"));
  const rows = [];
  try {
    for (const [label, size, runs] of SIZES) {
      const fixture = encryptedMail(size);
      const check = await ours(fixture);
      if (check.attachments[0]?.size === undefined) throw new Error("bench fixture did not parse");
      // As many warm-up runs as measured ones: small messages otherwise measure the JIT.
      const oursMs = await medianMs(() => ours(fixture), runs, runs);
      const bareMs = await medianMs(() => bare(fixture), runs, runs);
      const file = join(dir, `${size}.json`);
      // The body as raw bytes: loading it costs the probe exactly its size, no more.
      writeFileSync(`${file}.body`, fixture.body);
      writeFileSync(
        file,
        JSON.stringify({ metadata: fixture.metadata, dataKey: fixture.dataKey.toString("base64") }),
      );
      const memOurs = peakExtra("ours", file);
      const memBare = peakExtra("bare", file);
      rows.push({
        label,
        bytes: fixture.plain.length,
        oursMs,
        bareMs,
        ratio: oursMs / bareMs,
        peakRss: memOurs.rss,
        peakRssRatio: memOurs.rss / fixture.plain.length,
        bareRss: memBare.rss,
      });
      console.log(
        `  fetch+decrypt+parse ${label}: ${fmt(oursMs)} ms vs bare ${fmt(bareMs)} ms = ${fmt(oursMs / bareMs)}x; peak extra RSS ${mb(memOurs.rss)} (${fmt(memOurs.rss / fixture.plain.length)}x the message; bare ${mb(memBare.rss)})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
