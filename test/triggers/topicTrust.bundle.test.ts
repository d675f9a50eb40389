import { bouncePermanent } from "../../src/sesEvents/samples";
import type { SnsMessage } from "../../src/sns/snsMessage";
import { bundledHarness } from "../helpers/bundle";
import { rejectionOf } from "../helpers/component";
import { serveSnsLocally, signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

// Issue 16, through the built bundle: an SNS signature proves only that SNS sent a message. Any
// AWS account can point its own topic at a webhook URL it has learned; only the builder's topics
// may be confirmed or reach a branch.
const harness = bundledHarness();
const FOREIGN_TOPIC = "arn:aws:sns:us-east-1:999988887777:attacker";
const sns = serveSnsLocally();
afterAll(() => sns.restore());
beforeEach(() => {
  sns.requests.length = 0;
});

const deliver = (trigger: string, message: SnsMessage, params: Record<string, unknown>) => {
  const raw = JSON.stringify(message);
  return harness.trigger(
    trigger,
    { rawBody: { data: Buffer.from(raw) }, body: { data: raw } },
    {
      allowedTopicArns: [],
      subscribeTopic: "",
      notifyIdentity: "",
      includeHeaders: "false",
      region: "us-east-1",
      eventTypes: [],
      fetchEmail: "false",
      ...params,
    },
  ) as unknown as Promise<{ branch: string; payload: { body: { data: Record<string, unknown> } } }>;
};
const confirmationFrom = (topic: string) =>
  signedSnsMessage({ Type: "SubscriptionConfirmation", TopicArn: topic, Message: "subscribe?" });
const fakeBounceFrom = (topic: string) =>
  signedSnsMessage({
    Type: "Notification",
    TopicArn: topic,
    Message: JSON.stringify({
      ...bouncePermanent,
      bounce: {
        ...bouncePermanent.bounce,
        bouncedRecipients: [{ emailAddress: "ceo@victim.example", action: "failed" }],
      },
    }),
  });
const OWN = { subscribeTopic: TOPIC_ARN };
const TRIGGERS = [
  "bounceNotification",
  "complaintNotification",
  "sesNotification",
  "receivedEmail",
];

describe("SNS triggers accept only the builder's topics (built bundle)", () => {
  it.each(TRIGGERS)(
    "%s: a genuinely signed SubscriptionConfirmation from another account's topic is not confirmed, and nothing is fetched",
    async (trigger) => {
      const error = await rejectionOf(deliver(trigger, confirmationFrom(FOREIGN_TOPIC), OWN));
      expect(error.message).toMatch(
        `topic "${FOREIGN_TOPIC}" is not one of the accepted topics (${TOPIC_ARN})`,
      );
      expect(error.message).toMatch(/add its ARN to Allowed Topic ARNs/);
      expect(sns.requests).toEqual([]);
    },
  );

  it("a genuinely signed bounce from another account's topic reaches no branch", async () => {
    const error = await rejectionOf(
      deliver("bounceNotification", fakeBounceFrom(FOREIGN_TOPIC), OWN),
    );
    expect(error.message).toMatch(/999988887777:attacker" is not one of the accepted topics/);
    expect(sns.requests).toEqual([]);
  });

  it.each(TRIGGERS)(
    "%s: with no topic configured, every message is refused with advice, even from the builder's own topic",
    async (trigger) => {
      for (const message of [
        confirmationFrom(FOREIGN_TOPIC),
        confirmationFrom(TOPIC_ARN),
        fakeBounceFrom(TOPIC_ARN),
      ]) {
        const error = await rejectionOf(deliver(trigger, message, {}));
        expect(error.message).toMatch(/no SNS topic is configured, so no message is accepted/);
        expect(error.message).toMatch(/Set Subscribe To Topic, or list your topic's ARN/);
      }
      expect(sns.requests).toEqual([]);
    },
  );

  it("confirms the builder's own topic named by Subscribe To Topic, visiting its SubscribeURL once", async () => {
    const message = confirmationFrom(TOPIC_ARN);
    const result = await deliver("bounceNotification", message, OWN);
    expect(result.branch).toBe("Subscription");
    expect(sns.requests.filter((url) => url.includes("Action=ConfirmSubscription"))).toEqual([
      new URL(message.SubscribeURL as string).href,
    ]);
  });

  it("passes on the builder's own bounces, whether the topic is in Allowed Topic ARNs or Subscribe To Topic", async () => {
    for (const params of [OWN, { allowedTopicArns: [TOPIC_ARN] }]) {
      const result = await deliver("bounceNotification", fakeBounceFrom(TOPIC_ARN), params);
      expect(result.branch).toBe("Notification");
      expect(result.payload.body.data).toMatchObject({ sns: { topicArn: TOPIC_ARN } });
    }
  });

  it("accepts a second topic of the builder's listed in Allowed Topic ARNs beside Subscribe To Topic", async () => {
    const second = "arn:aws:sns:us-east-1:111122223333:ses-events-eu";
    const result = await deliver("sesNotification", fakeBounceFrom(second), {
      ...OWN,
      allowedTopicArns: [second],
    });
    expect(result.branch).toBe("Notification");
    await expect(
      deliver("sesNotification", fakeBounceFrom(FOREIGN_TOPIC), {
        ...OWN,
        allowedTopicArns: [second],
      }),
    ).rejects.toThrow(/is not one of the accepted topics/);
  });
});
