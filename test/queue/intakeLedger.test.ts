import { createHash } from "node:crypto";
import {
  decideEvent,
  type EventCopy,
  IntakeLedger,
  MAX_LEDGER_ENTRIES,
  SNS_TO_QUEUE_MS,
} from "../../src/intake/intakeLedger";

const T0 = Date.parse("2026-12-04T10:00:00Z");
const copy = (messageId: string, more: Partial<EventCopy> = {}): EventCopy => ({
  key: "sns:a",
  messageId,
  sentAt: T0 + 1000,
  signedAt: T0,
  redriveOf: null,
  ...more,
});

describe("which copy of an SES event goes to a flow (the trigger's own ledger)", () => {
  it("hands a first copy over, and the same SQS message again when it comes back", () => {
    const ledger = new IntakeLedger();
    expect(decideEvent(copy("m1"), ledger)).toEqual({ kind: "hand-over" });
    ledger.record("sns:a", "m1", T0 + 2000);
    // Its flow failed or did not acknowledge: SQS hands the same message out again.
    expect(decideEvent(copy("m1", { sentAt: T0 + 1000 }), ledger)).toEqual({ kind: "hand-over" });
  });

  it("deletes a second SNS copy however late it is received: the first message carries the event", () => {
    const ledger = new IntakeLedger();
    ledger.record("sns:a", "m1", T0 + 2000);
    const decision = decideEvent(copy("m2", { sentAt: T0 + 1500 }), ledger);
    expect(decision).toMatchObject({ kind: "delete", why: "duplicate" });
    // Other events are not affected.
    expect(decideEvent(copy("m3", { key: "sns:b" }), ledger)).toEqual({ kind: "hand-over" });
  });

  it("hands over a message Redrive Dead-Letter Queue sent back for the carrier, and only for it", () => {
    const ledger = new IntakeLedger();
    ledger.record("sns:a", "m1", T0 + 2000);
    const redriven = copy("r1", { sentAt: T0 + 86_400_000, redriveOf: "m1" });
    expect(decideEvent(redriven, ledger)).toEqual({ kind: "hand-over" });
    // A mark naming another message is a forgery: refused as a late copy.
    const forged = copy("r2", { sentAt: T0 + 86_400_000, redriveOf: "m9" });
    expect(decideEvent(forged, ledger)).toMatchObject({ kind: "leave", why: "refused" });
  });

  it("leaves a copy that reached SQS long after SNS signed it (a re-sent message) for the dead-letter queue", () => {
    const ledger = new IntakeLedger();
    ledger.record("sns:a", "m1", T0 + 2000);
    const replay = copy("m2", { sentAt: T0 + SNS_TO_QUEUE_MS + 1 });
    expect(decideEvent(replay, ledger)).toMatchObject({ kind: "leave", why: "refused" });
    // One that was never handed over is not a duplicate: it goes to a flow.
    expect(decideEvent({ ...replay, key: "sns:new" }, ledger)).toEqual({ kind: "hand-over" });
  });

  it("survives its stored form, compactly, and reads the version-1 hand-over log", () => {
    const ledger = new IntakeLedger();
    for (let n = 0; n < 1000; n++) ledger.record(`sns:${n}`, `m${n}`, T0 + n * 1000);
    const stored = JSON.stringify(ledger);
    expect(stored.length).toBeLessThan(23 * 1000 + 64 * 3 + 100);
    const back = IntakeLedger.read(JSON.parse(stored));
    expect(back.size).toBe(1000);
    expect(decideEvent(copy("m7", { key: "sns:7" }), back)).toEqual({ kind: "hand-over" });
    expect(decideEvent(copy("x", { key: "sns:7" }), back)).toMatchObject({ kind: "delete" });

    // Version 2: one string of records, key digest + carrier digest + seconds after base.
    const v2Digest = (text: string, chars: number) =>
      createHash("sha256").update(text).digest("base64url").slice(0, chars);
    const v2Record = (key: string, id: string, seconds: number) =>
      v2Digest(key, 11) + v2Digest(id, 6) + seconds.toString(36).padStart(6, "0");
    const v2 = IntakeLedger.read({
      v: 2,
      base: T0 / 1000,
      records: v2Record("sns:a", "m1", 1) + v2Record("sns:b", "m2", 40),
    });
    expect(v2.size).toBe(2);
    expect(v2.carrierOf("sns:a")?.at).toBe(T0 + 1000);
    expect(decideEvent(copy("m1"), v2)).toEqual({ kind: "hand-over" });
    expect(decideEvent(copy("m9", { key: "sns:b" }), v2)).toMatchObject({ kind: "delete" });

    const v1 = IntakeLedger.read({ v: 1, held: { "sns:a": ["m1", T0] } });
    expect(decideEvent(copy("m2"), v1)).toMatchObject({ kind: "delete" });
  });

  it("is pruned by age and bounded in size, oldest first", () => {
    const ledger = new IntakeLedger();
    ledger.record("sns:old", "m0", T0);
    ledger.record("sns:new", "m1", T0 + 10 * 60_000);
    ledger.prune(T0 + 15 * 60_000, 10 * 60_000);
    expect(ledger.carrierOf("sns:old")).toBeUndefined();
    expect(ledger.carrierOf("sns:new")).toBeDefined();

    // Oldest by time: records of the same second are equally old.
    const full = new IntakeLedger();
    for (let n = 0; n < MAX_LEDGER_ENTRIES + 5; n++) {
      const at = n < 5 ? n * 1000 : n === MAX_LEDGER_ENTRIES + 4 ? 6000 : 5000;
      full.record(`sns:${n}`, `m${n}`, T0 + at);
    }
    full.prune(T0 + 6000, 3_600_000);
    // Beyond the bound the oldest 5% go in one sweep, the oldest by time first.
    expect(full.size).toBe(MAX_LEDGER_ENTRIES * 0.95);
    for (let n = 0; n < 5; n++) expect(full.carrierOf(`sns:${n}`)).toBeUndefined();
    expect(full.carrierOf(`sns:${MAX_LEDGER_ENTRIES + 4}`)).toBeDefined();
  });

  it("reads unknown or damaged state as empty instead of failing", () => {
    for (const value of [
      undefined,
      null,
      "x",
      { v: 2 },
      { v: 1, held: null },
      { v: 3 },
      { v: 3, base: 0, swept: 0, count: 0, buckets: [""] },
    ]) {
      expect(IntakeLedger.read(value).size).toBe(0);
    }
  });
});
