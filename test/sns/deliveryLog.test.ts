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

  it("keeps at most its bound, dropping the oldest, and drops expired entries on write", () => {
    const log = DeliveryLog.read(undefined);
    for (const [id, at] of [
      ["a", 0],
      ["b", 10],
      ["c", 20],
      ["d", 30],
    ] as const) {
      log.remember(id, T0 + at, limits);
    }
    const known = (ids: string[], now: number) =>
      ids.filter((id) => log.seenAt(id, now, limits.maxAgeMs) !== undefined);
    expect(known(["a", "b", "c", "d"], T0 + 30)).toEqual(["b", "c", "d"]);
    log.remember("e", T0 + 10 + 3_600_001, limits); // b is now too old
    expect(log.size).toBe(3);
    expect(known(["b", "c", "d", "e"], T0 + 30)).toEqual(["c", "d", "e"]);
  });

  it("survives its stored form through JSON, and reads version 1 (message ID -> ms)", () => {
    const log = DeliveryLog.read(undefined);
    for (let n = 0; n < 2000; n++) log.remember(`id-${n}`, T0 + n, { ...limits, maxEntries: 2000 });
    const stored = JSON.stringify(log);
    // 19 characters an ID (about a third of version 1's), plus the 64 buckets' quotes.
    expect(stored.length).toBeLessThanOrEqual(19 * 2000 + 64 * 3 + 40);
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
      { v: 2, buckets: [] },
    ]) {
      expect(DeliveryLog.read(state).size).toBe(0);
    }
  });
});
