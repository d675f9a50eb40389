import { bouncePermanent } from "../../src/sesEvents/samples";
import type { SnsMessage } from "../../src/sns/snsMessage";
import { bundledHarness } from "../helpers/bundle";
import { serveSnsLocally, signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

// Issue 14 (duplicate deliveries), through the built bundle: SNS delivers at least once.
const harness = bundledHarness();
const sns = serveSnsLocally();
afterAll(() => sns.restore());

type Result = {
  branch: string;
  instanceState?: Record<string, unknown>;
  payload: { body: { data: { sns: { messageId: string }; reason?: string } } };
};
const deliver = (trigger: string, message: SnsMessage, instanceState: Record<string, unknown>) => {
  const raw = JSON.stringify(message);
  return harness.trigger(
    trigger,
    { rawBody: { data: Buffer.from(raw) }, body: { data: raw } },
    { allowedTopicArns: [TOPIC_ARN], region: "us-east-1", eventTypes: [] },
    { instanceState },
  ) as unknown as Promise<Result>;
};

describe("a redelivered SNS notification (built bundle)", () => {
  it.each(["bounceNotification", "sesNotification"])(
    "%s: the first delivery reaches Notification, the repeat reaches Duplicate",
    async (trigger) => {
      const message = signedSnsMessage({
        Type: "Notification",
        Message: JSON.stringify(bouncePermanent),
      });
      const first = await deliver(trigger, message, {});
      expect(first.branch).toBe("Notification");
      // Prismatic keeps what an execution returns as instanceState for the next one.
      const repeat = await deliver(trigger, message, first.instanceState ?? {});
      expect(repeat.branch).toBe("Duplicate");
      expect(repeat.payload.body.data.sns.messageId).toBe(message.MessageId);
      expect(repeat.payload.body.data.reason).toMatch(/passed it on at \d{4}-\d\d-\d\dT/);
      // Without the state (an overlapping execution) it would pass again: the documented limit.
      expect((await deliver(trigger, message, {})).branch).toBe("Notification");
    },
  );
});
