import {
  bouncePermanent,
  bounceTransientEvent,
  clickEvent,
  complaint,
  delivery,
  deliveryDelayEvent,
} from "../../src/sesEvents/samples";
import type { SnsMessage } from "../../src/sns/snsMessage";
import { harness } from "../helpers/component";
import { CERT_URL, signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

// Outbound requests are replaced: the certificate comes from the test fixtures, and every URL the
// triggers would visit is recorded instead of requested.
jest.mock("../../src/sns/fetchCertificate", () => ({
  fetchCertificateOverHttps: jest.fn(async () => require("../helpers/snsSigner").TEST_CERT_PEM),
}));
jest.mock("../../src/sns/visitUrl", () => ({ visitOverHttps: jest.fn(async () => 200) }));
const { fetchCertificateOverHttps } = jest.requireMock("../../src/sns/fetchCertificate");
const { visitOverHttps } = jest.requireMock("../../src/sns/visitUrl");

beforeEach(() => {
  visitOverHttps.mockClear();
});

const request = (message: SnsMessage | string) => {
  const raw = typeof message === "string" ? message : JSON.stringify(message);
  return {
    headers: {
      "content-type": "text/plain; charset=UTF-8",
      "x-amz-sns-message-type": "Notification",
    },
    rawBody: { data: Buffer.from(raw) },
    body: { data: raw },
  };
};
const notification = (sesMessage: unknown, version: "1" | "2" = "2") =>
  signedSnsMessage(
    {
      Type: "Notification",
      Message: JSON.stringify(sesMessage),
      Subject: "Amazon SES Email Event Notification",
    },
    version,
  );
const params = {
  allowedTopicArns: [TOPIC_ARN],
  maxMessageAgeSeconds: "",
  connection: undefined,
  region: "us-east-1",
  subscribeTopic: "",
  notifyIdentity: "",
  includeHeaders: "false",
};

// biome-ignore lint/suspicious/noExplicitAny: trigger results are checked field by field
type Result = { branch: string; payload: { body: { data: any } } };
const run = async (
  key: string,
  message: SnsMessage | string,
  extra: Record<string, unknown> = {},
) => (await harness.trigger(key, request(message), { ...params, ...extra })) as unknown as Result;

describe("Bounce Notification", () => {
  it.each(["1", "2"] as const)(
    "passes on a verified bounce (SignatureVersion %s) with each recipient's details",
    async (version) => {
      const result = await run("bounceNotification", notification(bouncePermanent, version));
      expect(result.branch).toBe("Notification");
      const { sns, event } = result.payload.body.data;
      expect(sns).toMatchObject({
        topicArn: TOPIC_ARN,
        type: "Notification",
        subject: "Amazon SES Email Event Notification",
      });
      expect(event).toMatchObject({
        type: "Bounce",
        format: "notification",
        mail: {
          messageId: bouncePermanent.mail.messageId,
          source: "billing@example.com",
          destination: ["jane@example.org"],
        },
        bounce: {
          type: "Permanent",
          subType: "General",
          recipients: [
            {
              emailAddress: "jane@example.org",
              action: "failed",
              status: "5.1.1",
              diagnosticCode: "smtp; 550 5.1.1 user unknown",
            },
          ],
        },
      });
    },
  );

  it("passes on an event-publishing bounce too, with its tags", async () => {
    const result = await run("bounceNotification", notification(bounceTransientEvent));
    expect(result.payload.body.data.event).toMatchObject({
      type: "Bounce",
      format: "eventPublishing",
      bounce: { type: "Transient", subType: "MailboxFull" },
      mail: { tags: { campaign: ["invoice-2026-11"] } },
    });
  });

  it("acknowledges a complaint but routes it to Ignored", async () => {
    const result = await run("bounceNotification", notification(complaint));
    expect(result.branch).toBe("Ignored");
    expect(result.payload.body.data).toMatchObject({ eventType: "Complaint" });
    expect(result.payload.body.data.event).toBeUndefined();
  });

  it("routes SES's own AmazonSnsSubscriptionSucceeded test message and non-SES messages to Ignored", async () => {
    expect(
      (
        await run(
          "bounceNotification",
          notification({ notificationType: "AmazonSnsSubscriptionSucceeded", message: "ok" }),
        )
      ).branch,
    ).toBe("Ignored");
    expect(
      (
        await run(
          "bounceNotification",
          signedSnsMessage({ Type: "Notification", Message: "hello" }),
        )
      ).branch,
    ).toBe("Ignored");
  });
});

describe("Complaint Notification", () => {
  it("passes on the feedback type and complaining recipients", async () => {
    const result = await run("complaintNotification", notification(complaint));
    expect(result.branch).toBe("Notification");
    expect(result.payload.body.data.event.complaint).toEqual({
      feedbackType: "abuse",
      subType: null,
      timestamp: "2026-11-23T17:41:30.000Z",
      feedbackId: complaint.complaint.feedbackId,
      userAgent: "ExampleCorp Feedback Loop (V0.01)",
      arrivalDate: "2026-11-23T17:40:59.000Z",
      recipients: ["jane@example.org"],
    });
  });
});

describe("SES Notification", () => {
  it("passes on only the chosen event types", async () => {
    const only = { eventTypes: ["Click", "DeliveryDelay"] };
    const click = await run("sesNotification", notification(clickEvent), only);
    expect(click.branch).toBe("Notification");
    expect(click.payload.body.data.event.click).toMatchObject({
      link: "https://example.com/invoices/42",
    });
    const delay = await run("sesNotification", notification(deliveryDelayEvent), only);
    expect(delay.payload.body.data.event.deliveryDelay).toMatchObject({
      delayType: "TransientCommunicationFailure",
    });
    expect((await run("sesNotification", notification(delivery), only)).branch).toBe("Ignored");
  });

  it("passes on every type when none is chosen", async () => {
    for (const sample of [delivery, bouncePermanent, complaint, clickEvent]) {
      expect((await run("sesNotification", notification(sample), { eventTypes: [] })).branch).toBe(
        "Notification",
      );
    }
  });

  it("rejects an unknown event type in its input", async () => {
    await expect(
      run("sesNotification", notification(delivery), { eventTypes: ["Opened"] }),
    ).rejects.toThrow(/Event Types: "Opened" is not an SES event type/);
  });
});

describe("subscription confirmation", () => {
  const confirmation = () =>
    signedSnsMessage({
      Type: "SubscriptionConfirmation",
      Message: "You have chosen to subscribe to the topic...",
    });

  it("confirms a verified SubscriptionConfirmation by visiting its SubscribeURL once", async () => {
    const message = confirmation();
    const result = await run("bounceNotification", message);
    expect(result.branch).toBe("Subscription");
    expect(result.payload.body.data).toMatchObject({
      confirmed: true,
      sns: { topicArn: TOPIC_ARN },
    });
    expect(visitOverHttps.mock.calls.map(([url]: [URL]) => url.href)).toEqual([
      new URL(message.SubscribeURL as string).href,
    ]);
  });

  it("never visits the SubscribeURL of an unverified confirmation", async () => {
    const forged = {
      ...confirmation(),
      SubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=evil",
    };
    await expect(run("bounceNotification", forged)).rejects.toThrow(
      /Rejected Amazon SNS request: the signature does not match/,
    );
    expect(visitOverHttps).not.toHaveBeenCalled();
  });

  it("never visits a signed SubscribeURL on another host than the topic region's SNS host", async () => {
    for (const url of [
      "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
      "https://evil.example/?Action=ConfirmSubscription",
      "http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription",
    ]) {
      const message = signedSnsMessage({
        Type: "SubscriptionConfirmation",
        Message: "m",
        SubscribeURL: url,
      });
      await expect(run("bounceNotification", message)).rejects.toThrow(
        /SubscribeURL is not an https URL on the SNS host of the topic's region \(us-east-1\)/,
      );
    }
    expect(visitOverHttps).not.toHaveBeenCalled();
  });

  it("does not re-subscribe on an UnsubscribeConfirmation", async () => {
    const result = await run(
      "bounceNotification",
      signedSnsMessage({ Type: "UnsubscribeConfirmation", Message: "unsubscribed" }),
    );
    expect(result.branch).toBe("Ignored");
    expect(visitOverHttps).not.toHaveBeenCalled();
  });
});

describe("rejected requests end the execution at the trigger", () => {
  it.each<[string, () => SnsMessage | string, Record<string, unknown>, RegExp]>([
    [
      "a forged signature",
      () => ({ ...notification(bouncePermanent), Message: JSON.stringify(complaint) }),
      {},
      /signature does not match/,
    ],
    ["a non-JSON body", () => "not json", {}, /the body is not JSON/],
    [
      "an unknown message type",
      () => JSON.stringify({ Type: "Evil" }),
      {},
      /Type "Evil" is not an SNS message type/,
    ],
    [
      "a certificate on a look-alike host",
      () => ({
        ...notification(bouncePermanent),
        SigningCertURL: "https://sns.us-east-1.amazonaws.com.evil.com/c.pem",
      }),
      {},
      /SigningCertURL .* is not an https URL of an SNS signing certificate/,
    ],
    [
      "a topic outside the allowlist",
      () => notification(bouncePermanent),
      { allowedTopicArns: ["arn:aws:sns:us-east-1:111122223333:other"] },
      /is not one of the accepted topics/,
    ],
    [
      "a replayed old message",
      () =>
        signedSnsMessage({
          Type: "Notification",
          Message: JSON.stringify(bouncePermanent),
          Timestamp: "2026-01-01T00:00:00.000Z",
        }),
      { maxMessageAgeSeconds: "3600" },
      /more than 3600 s ago/,
    ],
  ])("%s", async (_case, build, extra, message) => {
    await expect(run("bounceNotification", build(), extra)).rejects.toThrow(message);
    expect(visitOverHttps).not.toHaveBeenCalled();
  });

  // Runs last: over every request of this file, genuine and forged, one fetch of the one trusted URL.
  it("fetched the signing certificate once, only from the trusted URL", async () => {
    for (let i = 0; i < 5; i++) await run("bounceNotification", notification(bouncePermanent));
    expect(fetchCertificateOverHttps.mock.calls.map(([url]: [URL]) => url.href)).toEqual([
      CERT_URL,
    ]);
  });
});

describe("redelivered notifications (SNS delivers at least once)", () => {
  const withState = async (
    key: string,
    message: SnsMessage,
    instanceState: Record<string, unknown>,
  ) =>
    (await harness.trigger(key, request(message), params, {
      instanceState,
    })) as unknown as Result & {
      instanceState?: Record<string, unknown>;
    };

  it("passes a notification on once, and routes a redelivery of it to Duplicate", async () => {
    const message = notification(bouncePermanent);
    const first = await withState("bounceNotification", message, { other: "kept" });
    expect(first.branch).toBe("Notification");
    expect(first.instanceState).toMatchObject({ other: "kept" });
    const again = await withState("bounceNotification", message, first.instanceState ?? {});
    expect(again.branch).toBe("Duplicate");
    expect(again.payload.body.data).toMatchObject({
      sns: { messageId: message.MessageId },
      reason: expect.stringMatching(/^SNS delivered message .* again; this flow passed it on at /),
    });
    // Another message with the same content but its own ID is new.
    const other = signedSnsMessage({ ...message, MessageId: "another-id" });
    expect((await withState("bounceNotification", other, first.instanceState ?? {})).branch).toBe(
      "Notification",
    );
  });

  it("does not remember what it ignored or refused", async () => {
    const ignored = await withState("bounceNotification", notification(complaint), {});
    expect(ignored.branch).toBe("Ignored");
    expect(ignored.instanceState).toBeUndefined();
  });
});
