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
          current: {
            topicArn: TOPIC,
            endpoint: "https://example.com",
            subscriptionArn: subscriptionOf(TOPIC, "https://example.com"),
            identity: undefined,
            notificationTypes: [],
            region: "us-east-1",
          },
          leftOver: [],
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
    expect(moved?.crossFlowState?.[STATE_KEY]).toMatchObject({
      current: { topicArn: OTHER_TOPIC },
      leftOver: [],
    });
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

  it("does nothing without a topic or an earlier subscription, and asks for a connection when one is needed", async () => {
    expect(
      await harness.triggerOnInstanceDeploy("bounceNotification", params({ subscribeTopic: "" })),
    ).toBeUndefined();
    expect(sns.calls()).toHaveLength(0);
    await expect(
      harness.triggerOnInstanceDeploy("bounceNotification", params({ connection: undefined })),
    ).rejects.toThrow(/needs a Connection \(with sns:Subscribe\) for Subscribe To Topic/);
    await expect(
      harness.triggerOnInstanceDeploy(
        "bounceNotification",
        params({ subscribeTopic: "arn:aws:sqs:us-east-1:1:q" }),
      ),
    ).rejects.toThrow(/is not an SNS topic ARN/);
  });
});

describe("trigger lifecycle leaves nothing behind (issue 17.5)", () => {
  const pointedAtTopic = (topic: string) =>
    ses.on(GetIdentityNotificationAttributesCommand).resolves({
      NotificationAttributes: {
        "example.com": {
          BounceTopic: topic,
          ComplaintTopic: "",
          DeliveryTopic: "",
          ForwardingEnabled: true,
        },
      },
    });

  it("unsubscribes and clears the identity's topic when Subscribe To Topic is cleared on redeploy", async () => {
    const deployed = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ notifyIdentity: "example.com" }),
    );
    ses.reset();
    pointedAtTopic(TOPIC);
    const cleared = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ subscribeTopic: "", allowedTopicArns: [TOPIC], notifyIdentity: "" }),
      { crossFlowState: { ...deployed?.crossFlowState, "another-flow": "kept" } },
    );
    expect(sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input)).toEqual([
      { SubscriptionArn: subscriptionOf(TOPIC, "https://example.com") },
    ]);
    expect(
      ses.commandCalls(SetIdentityNotificationTopicCommand).map((c) => c.args[0].input),
    ).toEqual([{ Identity: "example.com", NotificationType: "Bounce" }]);
    expect(cleared).toEqual({ crossFlowState: { "another-flow": "kept" } });
  });

  it("says what would be left when the topic is cleared without a Connection", async () => {
    const deployed = await harness.triggerOnInstanceDeploy("bounceNotification", params());
    await expect(
      harness.triggerOnInstanceDeploy(
        "bounceNotification",
        params({ subscribeTopic: "", connection: undefined }),
        { crossFlowState: deployed?.crossFlowState },
      ),
    ).rejects.toThrow(
      `needs a Connection (with sns:Unsubscribe) to remove the SNS subscription ${subscriptionOf(TOPIC, "https://example.com")}`,
    );
  });

  it("refuses to delete silently without a Connection, naming the subscription and identity left behind", async () => {
    const deployed = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ notifyIdentity: "example.com" }),
    );
    sns.resetHistory();
    const error = await harness
      .triggerOnInstanceDelete("bounceNotification", params({ connection: undefined }), {
        crossFlowState: deployed?.crossFlowState,
      })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.message).toMatch(
      `no Connection, so deleting this instance would leave the SNS subscription ${subscriptionOf(TOPIC, "https://example.com")}`,
    );
    expect(error?.message).toMatch(/example\.com's Bounce notifications pointing at it/);
    expect(sns.calls()).toHaveLength(0);
  });

  it("undoes its own subscription when the deploy fails after Subscribe", async () => {
    ses
      .on(SetIdentityNotificationTopicCommand)
      .rejects(new Error("Identity example.com is not verified."));
    await expect(
      harness.triggerOnInstanceDeploy(
        "bounceNotification",
        params({ notifyIdentity: "example.com" }),
      ),
    ).rejects.toThrow(
      /Identity example\.com is not verified\. Nothing was left subscribed by this deploy\./,
    );
    expect(sns.commandCalls(SubscribeCommand)).toHaveLength(1);
    expect(sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input)).toEqual([
      { SubscriptionArn: subscriptionOf(TOPIC, "https://example.com") },
    ]);
  });

  it("names the subscription when undoing it fails too", async () => {
    ses.on(SetIdentityNotificationTopicCommand).rejects(new Error("Throttling"));
    sns.on(UnsubscribeCommand).rejects(new Error("network down"));
    await expect(
      harness.triggerOnInstanceDeploy(
        "bounceNotification",
        params({ notifyIdentity: "example.com" }),
      ),
    ).rejects.toThrow(
      `Removing the SNS subscription ${subscriptionOf(TOPIC, "https://example.com")} of https://example.com to ${TOPIC}`,
    );
  });

  it("keeps an old subscription it could not remove and retries it on the next deploy", async () => {
    const first = await harness.triggerOnInstanceDeploy("bounceNotification", params());
    sns.on(UnsubscribeCommand).rejectsOnce(new Error("network down")).resolves({});
    const moved = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ subscribeTopic: OTHER_TOPIC }),
      { crossFlowState: first?.crossFlowState },
    );
    const old = subscriptionOf(TOPIC, "https://example.com");
    expect(moved?.crossFlowState?.[STATE_KEY]).toMatchObject({
      current: { topicArn: OTHER_TOPIC },
      leftOver: [{ subscriptionArn: old }],
    });
    const again = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ subscribeTopic: OTHER_TOPIC }),
      { crossFlowState: moved?.crossFlowState },
    );
    expect(
      sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input.SubscriptionArn),
    ).toEqual([old, old]);
    expect(again?.crossFlowState?.[STATE_KEY]).toMatchObject({ leftOver: [] });
  });

  it("reads the flat state 0.1.0 wrote, so an upgraded instance still unsubscribes on delete", async () => {
    pointedAtTopic(TOPIC);
    await harness.triggerOnInstanceDelete("bounceNotification", params(), {
      crossFlowState: {
        [STATE_KEY]: {
          topicArn: TOPIC,
          endpoint: "https://example.com",
          subscriptionArn: "arn:aws:sns:eu-west-1:111122223333:ses-notifications:legacy",
          identity: "example.com",
        },
      },
    });
    expect(sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input)).toEqual([
      { SubscriptionArn: "arn:aws:sns:eu-west-1:111122223333:ses-notifications:legacy" },
    ]);
    expect(
      ses.commandCalls(SetIdentityNotificationTopicCommand).map((c) => c.args[0].input),
    ).toEqual([{ Identity: "example.com", NotificationType: "Bounce" }]);
  });
});
