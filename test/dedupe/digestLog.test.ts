import { DigestLog, digestOf } from "../../src/dedupe/digestLog";

// The SQS ledger's shape: 11-character keys, a 6-character payload, seconds.
const FORMAT = { keyChars: 11, payloadChars: 6, timeChars: 6, unitMs: 1000 };
const T0 = Date.parse("2026-12-04T10:00:00Z");
const HOUR = 3_600_000;
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
    // Two records of one bucket ("A..."): the first's payload and time spell a third key.
    log.append(`AA${"b".repeat(9)}`, "Acdefg", T0);
    log.append(`AA${"c".repeat(9)}`, "zzzzzz", T0);
    const straddling = "Acdefg00000";
    expect(log.find(straddling)).toBeUndefined();
    log.append(straddling, "yyyyyy", T0 + 2000);
    expect(log.find(straddling)).toEqual({ payload: "yyyyyy", at: T0 + 2000 });
  });

  it("doubles its buckets as it grows, so a lookup searches about 32 records at any size", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 100_000; n++) log.append(key(n), payload(n), T0 + n);
    const stored = log.toStored();
    expect(stored.buckets).toHaveLength(4096);
    const longest = Math.max(...stored.buckets.map((bucket) => bucket.length / 23));
    expect(longest).toBeLessThan(80);
    // Every record is still found, at its time, after the splits.
    for (const n of [0, 31_337, 99_999]) {
      expect(log.find(key(n))).toEqual({ payload: payload(n), at: T0 + n - (n % 1000) });
    }
    const small = new DigestLog(FORMAT);
    for (let n = 0; n < 2000; n++) small.append(key(n), payload(n), T0);
    expect(small.toStored().buckets).toHaveLength(64);
  });

  it("sweeps out expired records at most every sixteenth of the age limit", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 1000; n++) log.append(key(n), payload(n), T0 + n * 1000);
    const limits = { maxAgeMs: HOUR, maxEntries: 10_000 };
    // The first sweep is due a sixteenth of an hour (225 s) after the log began.
    log.prune(T0 + 224_000, limits);
    expect(log.size).toBe(1000);
    log.prune(T0 + HOUR + 500_000, limits);
    expect(log.size).toBe(500);
    expect(log.find(key(499))).toBeUndefined();
    expect(log.find(key(500))).toBeDefined();
    // Not again until 225 s later: records that expire meanwhile stay until then.
    log.prune(T0 + HOUR + 600_000, limits);
    expect(log.size).toBe(500);
    log.prune(T0 + HOUR + 725_000, limits);
    expect(log.size).toBe(275);
  });

  it("beyond its bound drops the oldest, down to 95% of it, ties included", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 1000; n++) log.append(key(n), payload(n), T0 + Math.floor(n / 10) * 1000);
    log.prune(T0, { maxAgeMs: HOUR, maxEntries: 1000 });
    expect(log.size).toBe(1000); // within the bound
    log.prune(T0, { maxAgeMs: HOUR, maxEntries: 205 });
    expect(log.size).toBe(194); // 95% of 205
    // 806 dropped: the 80 oldest seconds' 800 records and 6 of the 10 of second 80.
    const kept = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => log.find(key(from + i))).filter(Boolean).length;
    expect(kept(0, 800)).toBe(0);
    expect(kept(800, 810)).toBe(4);
    expect(kept(810, 1000)).toBe(190);
  });

  it("is stored as its buckets, read back the same through JSON, and taken over in place", () => {
    const log = new DigestLog(FORMAT);
    for (let n = 0; n < 300; n++) log.append(key(n), payload(n), T0 + n * 1000);
    const stored = JSON.parse(JSON.stringify(log.toStored()));
    expect(DigestLog.isStored(stored)).toBe(true);
    expect(stored.buckets.join("")).toHaveLength(300 * 23);
    const back = new DigestLog(FORMAT, stored);
    expect(back.size).toBe(300);
    for (const n of [0, 150, 299]) expect(back.find(key(n))).toEqual(log.find(key(n)));
    back.append(key(300), payload(300), T0 + 300_000);
    expect(stored.count).toBe(301);
    expect(new DigestLog(FORMAT, stored).find(key(300))?.payload).toBe(payload(300));
    // Damaged buckets keep their whole records; damaged forms are not taken.
    stored.buckets = stored.buckets.map((bucket: string) => `${bucket}xyz`);
    expect(new DigestLog(FORMAT, stored).find(key(5))).toEqual(log.find(key(5)));
    const buckets = new Array(64).fill("");
    for (const damaged of [
      { base: 1, swept: 1, count: 0, buckets: {} },
      { base: 1, swept: 1, count: 0, buckets: buckets.slice(1) },
      { base: 1, swept: 1, count: 0, buckets: new Array(8192).fill("") },
      { base: "1", swept: 1, count: 0, buckets },
      { base: 1, swept: 1, count: -1, buckets },
    ]) {
      expect(DigestLog.isStored(damaged)).toBe(false);
    }
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
    expect(() => log.append("short", payload(1), T0)).toThrow(/width/);
    expect(() => log.append(`!${"a".repeat(10)}`, payload(1), T0)).toThrow(/base64url/);
  });
});
