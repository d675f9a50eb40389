/**
 * Run in a fresh process: loads an encrypted mail fixture, then reports how far one run of the
 * pipeline ("ours" or "bare") pushed peak RSS above what the process held before it started.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { encryptedMail } from "./inboundFixture";
import { bare, ours } from "./inboundPipeline";

/**
 * Linux keeps the parent's peak RSS in a child's ru_maxrss across fork+exec, so the peak is reset
 * here instead (writing 5 to /proc/self/clear_refs resets VmHWM) and read from VmHWM.
 */
function resetPeakRss(): void {
  writeFileSync("/proc/self/clear_refs", "5");
}
function peakRss(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  if (!match) throw new Error("no VmHWM in /proc/self/status");
  return Number(match[1]) * 1024;
}

async function main() {
  const [which, file, mode] = process.argv.slice(2);
  const data = JSON.parse(readFileSync(file, "utf8"));
  const fixture = {
    body: readFileSync(`${file}.body`),
    metadata: data.metadata,
    dataKey: Buffer.from(data.dataKey, "base64"),
    plain: Buffer.alloc(0),
    wrappedKey: Buffer.alloc(0),
  };
  const run = () => (which === "ours" ? ours(fixture) : bare(fixture));
  // Warm: one run on a 1 KB mail first, so code loading (the S3 client, the parser) and JIT
  // are not counted and the figure is what this message costs. Cold: the first call of a fresh
  // process, everything included.
  if (mode === "warm")
    await (which === "ours" ? ours(encryptedMail(1024)) : bare(encryptedMail(1024)));
  (global as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = process.memoryUsage();
  resetPeakRss();
  const result = await run();
  const peakAfter = peakRss();
  const heapAfter = process.memoryUsage().heapUsed;
  if (!result) throw new Error("no result");
  process.stdout.write(
    JSON.stringify({ rss: Math.max(0, peakAfter - before.rss), heap: heapAfter - before.heapUsed }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
