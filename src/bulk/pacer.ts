export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces out work so that, on average, no more than `ratePerSecond` units start per second
 * (a virtual-schedule limiter: each start books cost / rate seconds after the previous one).
 * SES counts every recipient of a message against the account's maximum send rate.
 */
export class Pacer {
  private nextStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ratePerSecond: number,
    private readonly clock: Clock,
  ) {
    if (!(ratePerSecond > 0)) throw new Error("The send rate must be above zero.");
  }

  /** SES said we are too fast (other senders share the rate): hold every start for a while. */
  pause(ms: number): void {
    this.nextStart = Math.max(this.nextStart, this.clock.now() + ms);
  }

  /**
   * Gives back the time booked for work SES did not do (entries it reported as not sent, a call
   * that failed on its side), so retries do not cost the rate twice. Never creates a burst: a
   * start is still booked from now at the earliest.
   */
  refund(cost: number): void {
    this.nextStart -= (cost / this.ratePerSecond) * 1000;
  }

  /** Whole milliseconds until the next start is allowed (timers round fractions away); 0 when due. */
  delayUntilDue(): number {
    return Math.max(0, Math.ceil(this.nextStart - this.clock.now()));
  }

  /**
   * Books a start of `cost` units now. Callers check delayUntilDue() and book in the same
   * synchronous step, so no other caller can slip in between and starts stay in order.
   */
  book(cost: number): void {
    const now = this.clock.now();
    this.nextStart = Math.max(now, this.nextStart) + (cost / this.ratePerSecond) * 1000;
  }
}
