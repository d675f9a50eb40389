/**
 * Run in a fresh process: one run of Send Bulk Templated Email (the component, through
 * Spectral's harness) with its list inline or as a Destinations File, reporting how far the run
 * pushed peak RSS above what the process held before it (the inline list counts: a flow holds it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { accessKeyConnection } from "../src/connections";
import { bulkSendParams } from "../test/helpers/bulkParams";

const peakRss = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) * 1024;

async function main() {
  const [mode, countText, sesUrl, s3Url, bucket, key] = process.argv.slice(2);
  const count = Number(countText);
  const connection = createConnection(accessKeyConnection, {
    accessKeyId: "AKIABENCH00000000001",
    secretAccessKey: "bench-secret-not-real",
  });
  (global as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = process.memoryUsage().rss;
  writeFileSync("/proc/self/clear_refs", "5"); // resets VmHWM
  const list =
    mode === "inline"
      ? {
          destinations: Array.from({ length: count }, (_, i) => ({
            to: `u${i}@example.com`,
            templateData: { i },
          })),
        }
      : { destinations: "", destinationsBucket: bucket, destinationsKey: key, s3Endpoint: s3Url };
  const result = (await createHarness(component).action("sendBulkTemplatedEmail", {
    ...bulkSendParams(connection, sesUrl),
    maxSendRate: "2000",
    timeBudgetSeconds: "5",
    ...list,
  })) as { data: { overall: { done: number } } };
  process.stdout.write(
    JSON.stringify({ rss: Math.max(0, peakRss() - before), done: result.data.overall.done }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
