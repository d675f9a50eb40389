import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { repoPath } from "./measure";

const BUNDLE = repoPath("dist", "index.js");

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Size of dist/index.js, and how long a fresh process takes to require it. */
export function benchBundle() {
  const bytes = statSync(BUNDLE).size;
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(BUNDLE)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const requireMs = median(
    Array.from({ length: 7 }, () =>
      Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })),
    ),
  );
  const nodeMs = median(
    Array.from({ length: 7 }, () => {
      const start = performance.now();
      execFileSync(process.execPath, ["-e", "0"]);
      return performance.now() - start;
    }),
  );
  console.log(
    `  dist/index.js ${bytes} bytes; cold require ${requireMs.toFixed(0)} ms (node startup ${nodeMs.toFixed(0)} ms)`,
  );
  return { bytes, requireMs, nodeMs };
}
