import { classifyMailFailure } from "../../src/inbound/mailFailures";
import { LATE_WINDOW_MS, type ListedMail, MailPoll } from "../../src/inbound/mailPoll";
import { StoredObjectCutShort, StoredObjectNotFound } from "../../src/inbound/readStoredObject";

const T0 = Date.parse("2026-12-04T10:00:00Z");
const mail = (key: string, at: number): ListedMail => ({ key, lastModified: at, size: 100 });

describe("which stored mails a poll hands over", () => {
  it("takes new mail oldest first (ties by key), and never a mail again once handed over", () => {
    const poll = MailPoll.read(undefined);
    poll.startFromTheBeginning();
    const listed = [mail("b", T0 + 5), mail("c", T0), mail("a", T0 + 5)];
    expect(poll.newMail(listed).map((m) => m.key)).toEqual(["c", "a", "b"]);
    poll.handOver(listed[1]);
    poll.handOver(listed[2]);
    const back = MailPoll.read(JSON.parse(JSON.stringify(poll.toJSON())));
    expect(back.newMail(listed).map((m) => m.key)).toEqual(["b"]);
    expect(back.watermark).toBe(T0 + 5);
  });

  it("takes an object that appears late with an earlier time, within the late window only", () => {
    const poll = MailPoll.read(undefined);
    poll.startFromTheBeginning();
    poll.handOver(mail("now", T0));
    const late = mail("late", T0 - LATE_WINDOW_MS + 1000);
    const tooLate = mail("too-late", T0 - LATE_WINDOW_MS - 1000);
    expect(poll.newMail([late, tooLate]).map((m) => m.key)).toEqual(["late"]);
  });

  it("on a first poll without Process Existing Mail, counts what is there as handed over", () => {
    const poll = MailPoll.read(undefined);
    expect(poll.started).toBe(false);
    const there = [mail("old", T0 - 10_000), mail("older", T0 - 2 * LATE_WINDOW_MS)];
    poll.startAfter(there, T0);
    expect(poll.started).toBe(true);
    expect(poll.newMail([...there, mail("new", T0 + 1)]).map((m) => m.key)).toEqual(["new"]);
  });

  it("starts afresh from state it does not know", () => {
    for (const value of [null, { v: 2 }, { v: 1, watermark: "x", handedOver: {} }]) {
      expect(MailPoll.read(value).started).toBe(false);
    }
  });
});

describe("what a failure to read one stored mail means", () => {
  const aws = (name: string, status: number, more = {}) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, ...more });

  it.each([
    [
      "the GCM tag does not match",
      new Error("The message's authentication tag does not match."),
      "mail",
    ],
    ["deleted since it was listed", new StoredObjectNotFound("s3://b/k"), "mail"],
    ["KMS cannot decrypt its data key", aws("InvalidCiphertextException", 400), "mail"],
    ["the body was cut short", new StoredObjectCutShort("s3://b/k", 10, 20), "retry"],
    ["S3 is busy", aws("SlowDown", 503), "retry"],
    ["KMS throttles", aws("ThrottlingException", 400), "retry"],
    [
      "the connection was reset",
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      "retry",
    ],
    ["access is denied", aws("AccessDenied", 403), "setup"],
    ["the bucket does not exist", aws("NoSuchBucket", 404), "setup"],
    ["the KMS key is disabled", aws("DisabledException", 400), "setup"],
  ])("%s: %s", (_what, error, kind) => {
    expect(classifyMailFailure(error)).toBe(kind);
  });
});
