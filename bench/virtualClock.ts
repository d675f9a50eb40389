import type { Clock } from "../src/bulk/pacer";

/**
 * Simulated time for long runs: `sleep` only registers a timer, and `run` lets every pending
 * promise settle, then jumps the clock to the earliest timer. Hours of sending take seconds.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private sequence = 0;
  private timers: { at: number; sequence: number; resolve: () => void }[] = [];

  now = () => this.time;

  sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), sequence: this.sequence++, resolve });
    });

  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve)); // every ready promise runs first
      if (settled || this.timers.length === 0) continue;
      let first = 0;
      for (let i = 1; i < this.timers.length; i++) {
        const a = this.timers[i];
        const b = this.timers[first];
        if (a.at < b.at || (a.at === b.at && a.sequence < b.sequence)) first = i;
      }
      const [timer] = this.timers.splice(first, 1);
      this.time = Math.max(this.time, timer.at);
      timer.resolve();
    }
    return work;
  }
}
