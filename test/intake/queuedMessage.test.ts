import { readQueuedMessage } from "../../src/intake/queuedMessage";
import { normalizeSesMessage } from "../../src/sesEvents/normalize";
import { bouncePermanent, bounceTransientEvent, delivery } from "../../src/sesEvents/samples";
import { CertificateCache } from "../../src/sns/certificateCache";
import { SnsRejection } from "../../src/sns/snsMessage";
import { eventBridgeEvent } from "../helpers/eventBridge";
import { signedSnsMessage, TEST_CERT_PEM, TOPIC_ARN } from "../helpers/snsSigner";

const fetched: string[] = [];
const certificates = new CertificateCache(async (url) => {
  fetched.push(url.href);
  return TEST_CERT_PEM;
});
const options = { acceptedTopicArns: [TOPIC_ARN], rawDelivery: false, certificates };
const envelope = (sesMessage: unknown, fields = {}) =>
  JSON.stringify(
    signedSnsMessage({ Type: "Notification", Message: JSON.stringify(sesMessage), ...fields }),
  );

beforeEach(() => {
  fetched.length = 0;
});

describe("an SQS message of an SES pipeline", () => {
  it("hands over a verified SNS envelope's SES event, keyed by its SNS MessageId", async () => {
    const body = envelope(bouncePermanent);
    const read = await readQueuedMessage(body, options);
    expect(read).toMatchObject({
      kind: "event",
      event: { type: "Bounce", bounce: { type: "Permanent" } },
      sns: { topicArn: TOPIC_ARN, messageId: JSON.parse(body).MessageId },
      deliveryKey: `sns:${JSON.parse(body).MessageId}`,
    });
  });

  it("accepts a message that waited in the queue for days, but not past 14", async () => {
    const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    expect(
      (await readQueuedMessage(envelope(delivery, { Timestamp: days(5) }), options)).kind,
    ).toBe("event");
    expect(
      await readQueuedMessage(envelope(delivery, { Timestamp: days(15) }), options),
    ).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/more than 1209600 s ago/),
    });
  });

  it.each([
    [
      "a forged envelope",
      () => JSON.stringify({ ...JSON.parse(envelope(bouncePermanent)), Message: "{}" }),
      /signature does not match/,
    ],
    [
      "another account's topic",
      () => envelope(bouncePermanent, { TopicArn: "arn:aws:sns:us-east-1:999988887777:attacker" }),
      /is not one of the accepted topics/,
    ],
    [
      "fauxqs's placeholder signature",
      () => JSON.stringify({ ...JSON.parse(envelope(bouncePermanent)), Signature: "EXAMPLE" }),
      /signature does not match/,
    ],
    ["a body that is not JSON", () => "hello", /not JSON/],
    [
      "raw SES JSON when raw delivery is off",
      () => JSON.stringify(bouncePermanent),
      /not a signed SNS envelope/,
    ],
  ])("refuses %s, so it is neither handed over nor deleted", async (_case, body, reason) => {
    expect(await readQueuedMessage(body(), options)).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(reason),
    });
  });

  it("refuses foreign topics without fetching a certificate", async () => {
    await readQueuedMessage(
      envelope(delivery, { TopicArn: "arn:aws:sns:us-east-1:999988887777:x" }),
      options,
    );
    expect(fetched).toEqual([]);
  });

  it("refuses raw JSON that names no mail (SES writes a mail.messageId in every event)", async () => {
    const read = await readQueuedMessage('{"notificationType":"Bounce"}', {
      ...options,
      rawDelivery: true,
    });
    expect(read).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/mail\.messageId/),
    });
  });

  it("takes raw SES JSON only with raw delivery, keyed by a hash of the body", async () => {
    const body = JSON.stringify(delivery);
    const read = await readQueuedMessage(body, { ...options, rawDelivery: true });
    expect(read).toMatchObject({ kind: "event", event: { type: "Delivery" }, sns: null });
    const again = await readQueuedMessage(body, { ...options, rawDelivery: true });
    expect(
      again.kind === "event" && read.kind === "event" && again.deliveryKey === read.deliveryKey,
    ).toBe(true);
  });

  it("takes EventBridge events only when EventBridge Events is on, keyed by EventBridge's event ID", async () => {
    const event = eventBridgeEvent(bounceTransientEvent);
    const body = JSON.stringify(event);
    const off = await readQueuedMessage(body, { ...options, rawDelivery: true });
    expect(off).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/EventBridge Events is off/),
    });
    const on = { ...options, eventBridge: true, expectedAccountIds: ["111122223333"] };
    expect(await readQueuedMessage(body, on)).toEqual({
      kind: "event",
      event: normalizeSesMessage(JSON.stringify(bounceTransientEvent)),
      sns: null,
      eventBridge: expect.objectContaining({ id: event.id, detailType: "Email Bounced" }),
      deliveryKey: `eventbridge:${event.id}`,
    });
    // Another copy of the same event (EventBridge delivers at least once) has the same key.
    const copy = await readQueuedMessage(JSON.stringify({ ...event }), on);
    expect(copy).toMatchObject({ deliveryKey: `eventbridge:${event.id}` });
    const foreign = JSON.stringify(
      eventBridgeEvent(bounceTransientEvent, { account: "999999999999" }),
    );
    expect(await readQueuedMessage(foreign, on)).toMatchObject({ kind: "refused" });
    const status = JSON.stringify(
      eventBridgeEvent({ sendingStatus: "DISABLED" }, { "detail-type": "Sending Status Disabled" }),
    );
    expect(await readQueuedMessage(status, on)).toMatchObject({ kind: "ignored" });
  });

  it("lets a genuine non-event (a confirmation, SES's test message) be deleted as ignored", async () => {
    const confirmation = JSON.stringify(
      signedSnsMessage({ Type: "SubscriptionConfirmation", Message: "m" }),
    );
    expect((await readQueuedMessage(confirmation, options)).kind).toBe("ignored");
    const test = envelope({ notificationType: "AmazonSnsSubscriptionSucceeded" });
    expect((await readQueuedMessage(test, options)).kind).toBe("ignored");
  });

  it("fails, rather than refuses, when the certificate cannot be fetched (retried later)", async () => {
    const unreachable = new CertificateCache(async () => {
      throw new SnsRejection(
        "certificate-unavailable",
        "the signing certificate could not be fetched (timed out).",
      );
    });
    await expect(
      readQueuedMessage(envelope(delivery), { ...options, certificates: unreachable }),
    ).rejects.toThrow(/could not be fetched/);
  });
});
