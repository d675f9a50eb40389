import {
  GetIdentityNotificationAttributesCommand,
  SESClient,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
} from "@aws-sdk/client-ses";
import { SNSClient, SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, harness } from "../helpers/component";

const sns = mockClient(SNSClient);
const ses = mockClient(SESClient);
const TOPIC = "arn:aws:sns:eu-west-1:111122223333:ses-notifications";
const OTHER_TOPIC = "arn:aws:sns:eu-west-1:111122223333:other";
const subscriptionOf = (topic: string, endpoint: string) =>
  `${topic}:${Buffer.from(endpoint).toString("hex").slice(0, 12)}`;

beforeEach(() => {
  sns.reset();
  ses.reset();
  // Like SNS: the same topic and endpoint always give the same subscription.
  sns
    .on(SubscribeCommand)
    .callsFake((input) => ({ SubscriptionArn: subscriptionOf(input.TopicArn, input.Endpoint) }));
  sns.on(UnsubscribeCommand).resolves({});
  ses.onAnyCommand().resolves({});
});

const params = (extra: Record<string, unknown> = {}) => ({
  connection: accessKey,
  region: "us-east-1",
  allowedTopicArns: [],
  subscribeTopic: TOPIC,
  notifyIdentity: "",
  includeHeaders: "false",
  ...extra,
});
const STATE_KEY = "aws-ses-sns-subscription:flowStableId";

describe("trigger lifecycle", () => {
  it("subscribes the flow's webhook URL to the topic, in the topic's region, and remembers it", async () => {
    const result = await harness.triggerOnInstanceDeploy("bounceNotification", params());
    expect(sns.commandCalls(SubscribeCommand).map((c) => c.args[0].input)).toEqual([
      {
        TopicArn: TOPIC,
        Protocol: "https",
        Endpoint: "https://example.com",
        ReturnSubscriptionArn: true,
      },
    ]);
    expect(await sns.commandCalls(SubscribeCommand)[0].thisValue.config.region()).toBe("eu-west-1");
    expect(result).toEqual({
      crossFlowState: {
        [STATE_KEY]: {
          topicArn: TOPIC,
          endpoint: "https://example.com",
          subscriptionArn: subscriptionOf(TOPIC, "https://example.com"),
          identity: undefined,
        },
      },
    });
    expect(ses.calls()).toHaveLength(0);
  });

  it("is idempotent on redeploy, and moves the subscription when the topic changes", async () => {
    const first = await harness.triggerOnInstanceDeploy("bounceNotification", params());
    const second = await harness.triggerOnInstanceDeploy("bounceNotification", params(), {
      crossFlowState: first?.crossFlowState,
    });
    expect(second).toEqual(first);
    expect(sns.commandCalls(UnsubscribeCommand)).toHaveLength(0);

    const moved = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ subscribeTopic: OTHER_TOPIC }),
      { crossFlowState: second?.crossFlowState },
    );
    expect(sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input)).toEqual([
      { SubscriptionArn: subscriptionOf(TOPIC, "https://example.com") },
    ]);
    expect(moved?.crossFlowState?.[STATE_KEY]).toMatchObject({ topicArn: OTHER_TOPIC });
  });

  it("points the identity's notifications of the trigger's type at the topic", async () => {
    await harness.triggerOnInstanceDeploy(
      "complaintNotification",
      params({ notifyIdentity: "example.com", includeHeaders: "true" }),
    );
    expect(
      ses.commandCalls(SetIdentityNotificationTopicCommand).map((c) => c.args[0].input),
    ).toEqual([{ Identity: "example.com", NotificationType: "Complaint", SnsTopic: TOPIC }]);
    expect(
      ses.commandCalls(SetIdentityHeadersInNotificationsEnabledCommand).map((c) => c.args[0].input),
    ).toEqual([{ Identity: "example.com", NotificationType: "Complaint", Enabled: true }]);
  });

  it("uses the SES Notification trigger's event types for the identity", async () => {
    await harness.triggerOnInstanceDeploy(
      "sesNotification",
      params({ notifyIdentity: "example.com", eventTypes: ["Delivery", "Click", "Bounce"] }),
    );
    expect(
      ses
        .commandCalls(SetIdentityNotificationTopicCommand)
        .map((c) => c.args[0].input.NotificationType),
    ).toEqual(["Bounce", "Delivery"]);
  });

  it("unsubscribes on delete and clears the identity's topic only if it still points there", async () => {
    const deployed = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ notifyIdentity: "example.com" }),
    );
    ses.on(GetIdentityNotificationAttributesCommand).resolves({
      NotificationAttributes: {
        "example.com": {
          BounceTopic: TOPIC,
          ComplaintTopic: OTHER_TOPIC,
          DeliveryTopic: "",
          ForwardingEnabled: true,
        },
      },
    });
    const result = await harness.triggerOnInstanceDelete(
      "bounceNotification",
      params({ notifyIdentity: "example.com" }),
      {
        crossFlowState: { ...deployed?.crossFlowState, "another-flow": "kept" },
      },
    );
    expect(sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input)).toEqual([
      { SubscriptionArn: subscriptionOf(TOPIC, "https://example.com") },
    ]);
    expect(
      ses.commandCalls(SetIdentityNotificationTopicCommand).map((c) => c.args[0].input),
    ).toEqual([
      { Identity: "example.com", NotificationType: "Bounce", SnsTopic: TOPIC },
      { Identity: "example.com", NotificationType: "Bounce" },
    ]);
    expect(result).toEqual({ crossFlowState: { "another-flow": "kept" } });
  });

  it("does nothing without a topic, and asks for a connection when one is needed", async () => {
    expect(
      await harness.triggerOnInstanceDeploy("bounceNotification", params({ subscribeTopic: "" })),
    ).toBeUndefined();
    expect(sns.calls()).toHaveLength(0);
    await expect(
      harness.triggerOnInstanceDeploy("bounceNotification", params({ connection: undefined })),
    ).rejects.toThrow(/Subscribe To Topic needs a Connection/);
    await expect(
      harness.triggerOnInstanceDeploy(
        "bounceNotification",
        params({ subscribeTopic: "arn:aws:sqs:us-east-1:1:q" }),
      ),
    ).rejects.toThrow(/is not an SNS topic ARN/);
  });
});
