import { DigestLog, digestOf } from "../../src/dedupe/digestLog";

// The SQS ledger's shape: 11-character keys, a 6-character payload, seconds.
const FORMAT = { keyChars: 11, payloadChars: 6, timeChars: 6, unitMs: 1000 };
const T0 = Date.parse("2026-12-04T10:00:00Z");
const key = (n: number) => digestOf(`key-${n}`, 11);
const payload = (n: number) => digestOf(`payload-${n}`, 6);

describe("the store under the duplicate logs", () => {
  it("finds each key's newest record, and nothing for keys it never saw", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 5000; n++) log.append(key(n), payload(n), T0 + n * 1000);
    log.append(key(7), payload(70), T0 + 9_000_000);
    expect(log.size).toBe(5001);
    expect(log.find(key(7))).toEqual({ payload: payload(70), at: T0 + 9_000_000 });
    expect(log.find(key(4999))).toEqual({ payload: payload(4999), at: T0 + 4_999_000 });
    for (let n = 5000; n < 5100; n++) expect(log.find(key(n))).toBeUndefined();
  });

  it("does not take a key that straddles two records for a record", () => {
    const log = new DigestLog(FORMAT);
    // Two records of one bucket ("A...") whose payload and time spell a third key across them.
    const first = `A${"b".repeat(10)}`;
    log.append(first, "Acdefg", T0);
    log.append(`A${"c".repeat(10)}`, "zzzzzz", T0);
    const straddling = "Acdefg00000"; // payload + time of the first record
    expect(log.find(straddling)).toBeUndefined();
    log.append(straddling, "yyyyyy", T0 + 2000);
    expect(log.find(straddling)).toEqual({ payload: "yyyyyy", at: T0 + 2000 });
  });

  it("prunes by age from every bucket, then the oldest beyond its bound", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 1000; n++) log.append(key(n), payload(n), T0 + n * 1000);
    log.prune(T0 + 500_000, 10_000);
    expect(log.size).toBe(500);
    expect(log.find(key(499))).toBeUndefined();
    expect(log.find(key(500))).toBeDefined();
    log.prune(T0, 100);
    expect(log.size).toBe(100);
    expect(log.find(key(899))).toBeUndefined();
    expect(log.find(key(900))).toBeDefined();
  });

  it("is stored as 64 strings that read back the same, through JSON", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 300; n++) log.append(key(n), payload(n), T0 + n * 1000);
    const stored = JSON.parse(JSON.stringify(log.toStored()));
    expect(DigestLog.isStored(stored)).toBe(true);
    const back = new DigestLog(FORMAT, stored);
    expect(back.size).toBe(300);
    for (const n of [0, 150, 299]) expect(back.find(key(n))).toEqual(log.find(key(n)));
    // A damaged bucket keeps its whole records; a damaged time is pruned first.
    stored.buckets[0] += "xyz";
    expect(new DigestLog(FORMAT, stored).size).toBe(300);
    expect(DigestLog.isStored({ base: 1, buckets: ["a"] })).toBe(false);
    expect(DigestLog.isStored({ base: "1", buckets: new Array(64).fill("") })).toBe(false);
  });

  it("appends another log's records after its own", () => {
    const log = new DigestLog(FORMAT);
    const run = new DigestLog(FORMAT);
    log.append(key(1), payload(1), T0);
    run.append(key(1), payload(2), T0 + 60_000);
    run.append(key(2), payload(3), T0 + 61_000);
    log.absorb(run);
    expect(log.size).toBe(3);
    expect(log.find(key(1))).toEqual({ payload: payload(2), at: T0 + 60_000 });
    expect(log.find(key(2))).toEqual({ payload: payload(3), at: T0 + 61_000 });
  });

  it("keeps a record whose time is before the base (a clock that stepped back) at the base", () => {
    const log = new DigestLog(FORMAT);
    log.append(key(1), payload(1), T0);
    log.append(key(2), payload(2), T0 - 5000);
    expect(log.find(key(2))?.at).toBe(T0);
  });

  it("moves its base when a time no longer fits, dropping only records older than the new base", () => {
    const short = { ...FORMAT, timeChars: 2 }; // 1,295 seconds
    const log = new DigestLog(short);
    log.append(key(1), payload(1), T0);
    log.append(key(2), payload(2), T0 + 1_500_000);
    log.append(key(3), payload(3), T0 + 2_000_000);
    expect(log.find(key(1))).toBeUndefined();
    expect(log.size).toBe(2);
    expect(log.find(key(2))?.at).toBe(T0 + 1_500_000);
    expect(log.find(key(3))?.at).toBe(T0 + 2_000_000);
  });

  it("refuses a record of the wrong width or a key that is not a digest", () => {
    const log = new DigestLog(FORMAT);
    expect(() => log.append("short", payload(1), T0)).toThrow(/wrong width/);
    expect(() => log.append(`!${"a".repeat(10)}`, payload(1), T0)).toThrow(/base64url/);
  });
});
