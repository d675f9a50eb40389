import { DeliveryLog } from "../../src/sns/deliveryLog";

const limits = { maxAgeMs: 3_600_000, maxEntries: 3 };
const T0 = Date.parse("2026-12-04T10:00:00Z");

describe("the log of SNS messages a trigger passed on", () => {
  it("recognises a message passed on within the window, to the millisecond, and forgets it after", () => {
    const log = DeliveryLog.read(undefined);
    log.remember("m-1", T0 + 1, limits);
    expect(log.seenAt("m-1", T0 + 1 + 3_600_000, limits.maxAgeMs)).toBe(T0 + 1);
    expect(log.seenAt("m-1", T0 + 2 + 3_600_000, limits.maxAgeMs)).toBeUndefined();
    expect(log.seenAt("m-2", T0 + 2, limits.maxAgeMs)).toBeUndefined();
  });

  it("keeps at most its bound, dropping the oldest first, and sweeps out expired entries", () => {
    const log = DeliveryLog.read(undefined);
    const bound = { maxAgeMs: 3_600_000, maxEntries: 100 };
    for (let n = 0; n <= 100; n++) log.remember(`id-${n}`, T0 + n, bound);
    // Beyond the bound, the oldest 5% go at once: 95 remain, the newest.
    expect(log.size).toBe(95);
    expect(log.seenAt("id-5", T0 + 100, bound.maxAgeMs)).toBeUndefined();
    expect(log.seenAt("id-6", T0 + 100, bound.maxAgeMs)).toBe(T0 + 6);
    // An hour later every one of them has expired: the next delivery sweeps them out.
    log.remember("late", T0 + 100 + 3_600_001, bound);
    expect(log.size).toBe(1);
  });

  it("survives its stored form through JSON, and reads version 1 (message ID -> ms)", () => {
    const log = DeliveryLog.read(undefined);
    for (let n = 0; n < 2000; n++) log.remember(`id-${n}`, T0 + n, { ...limits, maxEntries: 2000 });
    const stored = JSON.stringify(log);
    // 19 characters an ID (a third of version 1's 56), in 64 strings.
    expect(stored.length).toBeLessThan(19 * 2000 + 64 * 3 + 100);
    const back = DeliveryLog.read(JSON.parse(stored));
    expect(back.size).toBe(2000);
    expect(back.seenAt("id-1234", T0 + 2000, limits.maxAgeMs)).toBe(T0 + 1234);

    const v1 = DeliveryLog.read({ v: 1, seen: { "m-1": T0, "m-2": T0 + 5 } });
    expect(v1.seenAt("m-2", T0 + 10, limits.maxAgeMs)).toBe(T0 + 5);
    expect(v1.seenAt("m-3", T0 + 10, limits.maxAgeMs)).toBeUndefined();
  });

  it("starts afresh from state it does not know", () => {
    for (const state of [
      null,
      "x",
      { v: 2, seen: {} },
      { v: 1, seen: null },
      { v: 2, base: 0, swept: 0, count: 0, buckets: {} },
    ]) {
      expect(DeliveryLog.read(state).size).toBe(0);
    }
  });
});
