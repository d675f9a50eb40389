import { readDeliveryLog, remember, seenAt } from "../../src/sns/deliveryLog";

const limits = { maxAgeMs: 3_600_000, maxEntries: 3 };

describe("the log of SNS messages a trigger passed on", () => {
  it("recognises a message passed on within the window, and forgets it after", () => {
    const log = remember(readDeliveryLog(undefined), "m-1", 1_000, limits);
    expect(seenAt(log, "m-1", 1_000 + 3_600_000, limits)).toBe(1_000);
    expect(seenAt(log, "m-1", 1_001 + 3_600_000, limits)).toBeUndefined();
    expect(seenAt(log, "m-2", 2_000, limits)).toBeUndefined();
  });

  it("keeps at most its bound, dropping the oldest, and drops expired entries on write", () => {
    let log = readDeliveryLog(undefined);
    for (const [id, at] of [
      ["a", 0],
      ["b", 10],
      ["c", 20],
      ["d", 30],
    ] as const) {
      log = remember(log, id, at, limits);
    }
    expect(Object.keys(log.seen)).toEqual(["b", "c", "d"]);
    log = remember(log, "e", 10 + 3_600_001, limits); // b is now too old
    expect(Object.keys(log.seen)).toEqual(["c", "d", "e"]);
  });

  it("starts afresh from state it does not know", () => {
    for (const state of [null, "x", { v: 2, seen: {} }, { v: 1, seen: null }]) {
      expect(readDeliveryLog(state)).toEqual({ v: 1, seen: {} });
    }
  });
});
