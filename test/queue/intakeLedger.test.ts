import {
  acknowledge,
  decideEvent,
  type HandedOverLog,
  MAX_HELD_ENTRIES,
  mergeHandOvers,
  readAcknowledgedLog,
  readHandedOverLog,
  recordHandOvers,
} from "../../src/intake/intakeLedger";

const HOLD = 60_000;
const empty = () => ({
  acknowledged: readAcknowledgedLog(undefined),
  handedOver: [readHandedOverLog(undefined)],
});

describe("which copy of an SES event goes to a flow", () => {
  it("hands a first copy over", () => {
    expect(decideEvent("sns:a", "m1", empty(), 1000, HOLD)).toEqual({ kind: "hand-over" });
  });

  it("deletes a copy of an acknowledged event, whatever SQS message carries it", () => {
    const ledger = {
      ...empty(),
      acknowledged: acknowledge(readAcknowledgedLog(undefined), ["sns:a"], 1000),
    };
    for (const messageId of ["m1", "m2"]) {
      expect(decideEvent("sns:a", messageId, ledger, 5000, HOLD)).toMatchObject({
        kind: "delete",
        why: "duplicate",
      });
    }
  });

  it("deletes a second SQS message of an event another message carries, while that one may be in a flow", () => {
    const ledger = {
      ...empty(),
      handedOver: [recordHandOvers(readHandedOverLog(undefined), [["sns:a", "m1"]], 1000, HOLD)],
    };
    expect(decideEvent("sns:a", "m2", ledger, 1000 + HOLD - 1, HOLD)).toMatchObject({
      kind: "delete",
    });
    // The same message coming back (its flow failed) goes to a flow again.
    expect(decideEvent("sns:a", "m1", ledger, 1000 + HOLD, HOLD)).toEqual({ kind: "hand-over" });
    // After the hold (the first copy went to the dead-letter queue, or its record was lost), a
    // copy is handed over: an unacknowledged event is never dropped for good.
    expect(decideEvent("sns:a", "m3", ledger, 1000 + HOLD, HOLD)).toEqual({ kind: "hand-over" });
  });

  it("keeps the hand-over log bounded in size and age", () => {
    let log: HandedOverLog = readHandedOverLog(undefined);
    for (let n = 0; n < MAX_HELD_ENTRIES + 10; n += 1)
      log = recordHandOvers(log, [[`sns:${n}`, `m${n}`]], n, 1e9);
    expect(Object.keys(log.held)).toHaveLength(MAX_HELD_ENTRIES);
    expect(log.held["sns:0"]).toBeUndefined();
    const merged = mergeHandOvers(log, readHandedOverLog(undefined), MAX_HELD_ENTRIES + 14, 10);
    expect(Object.keys(merged.held).sort()).toEqual(
      [...Array(5).keys()].map((n) => `sns:${MAX_HELD_ENTRIES + 5 + n}`).sort(),
    );
  });

  it("reads unknown or damaged state as empty instead of failing", () => {
    for (const value of [undefined, null, "x", { v: 2 }, { v: 1, held: null }]) {
      expect(readHandedOverLog(value)).toEqual({ v: 1, held: {} });
    }
  });
});
