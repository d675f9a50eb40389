import { join } from "node:path";
import { performance } from "node:perf_hooks";

/** Median wall time in ms of `runs` calls, after `warmup` unmeasured ones. */
export async function medianMs(
  fn: () => Promise<unknown> | unknown,
  runs: number,
  warmup = 2,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A path in the repository, from the compiled bench (bench/out/bench/*.js) or its source. */
export const repoPath = (...parts: string[]) =>
  join(
    __dirname,
    ...(__dirname.split(/[\\/]/).includes("out") ? ["..", "..", ".."] : [".."]),
    ...parts,
  );
