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

// [label, bytes, runs per round, rounds]
const SIZES: [string, number, number, number][] = [
  ["1 KB", 1024, 100, 7],
  ["1 MB", 1024 * 1024, 10, 7],
  ["10 MB", 10 * 1024 * 1024, 3, 5],
  ["30 MB", 30 * 1024 * 1024 - 4096, 2, 5],
  ["40 MB", 40 * 1024 * 1024 - 4096, 1, 5],
];
/** Fresh-process memory probes per pipeline and size, alternating ours and bare. */
export const MEMORY_ROUNDS = 3;

/** Ours: read the object, envelope, expectation checks, unwrap, GCM decrypt + verify, parse. */
export async function ours(fixture: ReturnType<typeof encryptedMail>) {
  const stored = await fetchStoredMail({
    s3: inMemoryS3(fixture.body, fixture.metadata),
    unwrapKey: async () => ({ dataKey: Buffer.from(fixture.dataKey), keyId: null }),
    location: { bucket: "inbound-mail", key: "inbound/bench" },
    maxBytes: 40 * 1024 * 1024,
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
function peakExtra(
  which: "ours" | "bare",
  fixtureFile: string,
  mode: "cold" | "warm",
): { rss: number; heap: number } {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", join(__dirname, "memoryProbe.js"), which, fixtureFile, mode],
    { encoding: "utf8" },
  );
  if (process.env.BENCH_DEBUG) console.log(which, fixtureFile, out);
  return JSON.parse(out);
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];

export async function benchInboundPipeline() {
  const dir = mkdtempSync(join(tmpdir(), "ses-bench-"));
  const rows = [];
  try {
    for (const [label, size, runs, rounds] of SIZES) {
      const fixture = encryptedMail(size);
      const check = await ours(fixture);
      if (check.attachments[0]?.size === undefined) throw new Error("bench fixture did not parse");
      // Alternating rounds (ours first, then bare first), each the median of `runs` calls
      // after as many warm-up calls: one ratio per round, reported with their spread.
      const ratios: number[] = [];
      const oursTimes: number[] = [];
      const bareTimes: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const first = round % 2 === 0;
        const a = await medianMs(() => (first ? ours(fixture) : bare(fixture)), runs, runs);
        const b = await medianMs(() => (first ? bare(fixture) : ours(fixture)), runs, runs);
        const [o, r] = first ? [a, b] : [b, a];
        oursTimes.push(o);
        bareTimes.push(r);
        ratios.push(o / r);
      }
      const file = join(dir, `${size}.json`);
      // The body as raw bytes: loading it costs the probe exactly its size, no more.
      writeFileSync(`${file}.body`, fixture.body);
      writeFileSync(
        file,
        JSON.stringify({ metadata: fixture.metadata, dataKey: fixture.dataKey.toString("base64") }),
      );
      const memOurs: number[] = [];
      const memBare: number[] = [];
      const warmOurs: number[] = [];
      const warmBare: number[] = [];
      for (let round = 0; round < MEMORY_ROUNDS; round++) {
        const order: ("ours" | "bare")[] = round % 2 === 0 ? ["ours", "bare"] : ["bare", "ours"];
        for (const which of order) {
          (which === "ours" ? memOurs : memBare).push(peakExtra(which, file, "cold").rss);
          (which === "ours" ? warmOurs : warmBare).push(peakExtra(which, file, "warm").rss);
        }
      }
      const bytes = fixture.plain.length;
      const row = {
        label,
        bytes,
        oursMs: median(oursTimes),
        bareMs: median(bareTimes),
        ratio: median(ratios),
        ratioMin: Math.min(...ratios),
        ratioMax: Math.max(...ratios),
        peakRss: median(memOurs),
        peakRssRatio: median(memOurs) / bytes,
        peakRssMin: Math.min(...memOurs) / bytes,
        peakRssMax: Math.max(...memOurs) / bytes,
        bareRss: median(memBare),
        warmRss: median(warmOurs),
        warmBareRss: median(warmBare),
      };
      rows.push(row);
      console.log(
        `  fetch+decrypt+parse ${label}: ${fmt(row.oursMs)} ms vs bare ${fmt(row.bareMs)} ms = ${fmt(row.ratio)}x (rounds ${fmt(row.ratioMin)}-${fmt(row.ratioMax)}); peak extra RSS ${mb(row.peakRss)} (${fmt(row.peakRssRatio)}x the message, ${fmt(row.peakRssMin)}-${fmt(row.peakRssMax)}; bare ${mb(row.bareRss)}); warm ${mb(row.warmRss)} (${fmt(row.warmRss / bytes)}x; bare ${mb(row.warmBareRss)})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
