import { performance } from "node:perf_hooks";

/**
 * Paired rounds: each round measures ours and its baseline(s) back to back, in an order that
 * alternates from round to round, so this machine's drift (20-50% between passes) hits both
 * alike. The figure is the median of the per-round ratios, reported with their spread.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const spreadOf = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

/**
 * Runs `rounds` rounds of every measurement in `measures` (after `warmupRounds` unrecorded
 * ones), rotating the order each round; resolves with each one's value per round.
 */
export async function pairedRounds<K extends string>(
  measures: Record<K, () => Promise<number> | number>,
  rounds: number,
  warmupRounds = 1,
): Promise<Record<K, number>[]> {
  const names = Object.keys(measures) as K[];
  const results: Record<K, number>[] = [];
  for (let round = -warmupRounds; round < rounds; round++) {
    const offset = ((round % names.length) + names.length) % names.length;
    const order = [...names.slice(offset), ...names.slice(0, offset)];
    if (round % 2 !== 0) order.reverse();
    const measured = {} as Record<K, number>;
    for (const name of order) measured[name] = await measures[name]();
    if (round >= 0) results.push(measured);
  }
  return results;
}

/** The per-round ratio of `a` to `b`, as a median with spread. */
export const ratioSpread = <K extends string>(rounds: Record<K, number>[], a: K, b: K) =>
  spreadOf(rounds.map((round) => round[a] / round[b]));

export type Verdict = "Met" | "**Missed**" | "**Not settled**";

/**
 * Met only when every round meets the target, missed when none does; a spread that crosses the
 * target is not settled, whatever its median.
 */
export function verdictOf(spread: Spread, meets: (value: number) => boolean): Verdict {
  if (meets(spread.min) && meets(spread.max)) return "Met";
  if (!meets(spread.min) && !meets(spread.max)) return "**Missed**";
  return "**Not settled**";
}

export const fmtSpread = (spread: Spread, digits = 2, unit = "×") =>
  `${spread.median.toFixed(digits)}${unit} (${spread.min.toFixed(digits)}–${spread.max.toFixed(digits)})`;

/**
 * For work measured in microseconds: each round interleaves `chunks` short runs of every
 * measurement (the order rotating), so a burst of noise falls on all of them alike. Each
 * function runs one chunk and returns how many calls or events it did; resolves with each one's
 * rate per second per round.
 */
export async function interleavedRounds<K extends string>(
  chunkOf: Record<K, () => number | Promise<number>>,
  options: { rounds: number; chunks: number; warmupRounds?: number },
): Promise<Record<K, number>[]> {
  const names = Object.keys(chunkOf) as K[];
  const results: Record<K, number>[] = [];
  for (let round = -(options.warmupRounds ?? 1); round < options.rounds; round++) {
    const elapsed = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
    const done = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
    for (let chunk = 0; chunk < options.chunks; chunk++) {
      const offset = (chunk + Math.max(round, 0)) % names.length;
      for (const name of [...names.slice(offset), ...names.slice(0, offset)]) {
        const start = performance.now();
        done[name] += await chunkOf[name]();
        elapsed[name] += performance.now() - start;
      }
    }
    if (round < 0) continue;
    results.push(
      Object.fromEntries(
        names.map((name) => [name, done[name] / (elapsed[name] / 1000)]),
      ) as Record<K, number>,
    );
  }
  return results;
}

/** `fn` called `calls` times, as one chunk of interleavedRounds. */
export const repeat = (calls: number, fn: () => void) => () => {
  for (let call = 0; call < calls; call++) fn();
  return calls;
};
