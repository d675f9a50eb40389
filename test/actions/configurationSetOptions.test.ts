import { SESClient } from "@aws-sdk/client-ses";
import {
  CreateConfigurationSetEventDestinationCommand,
  GetConfigurationSetCommand,
  PutAccountSuppressionAttributesCommand,
  PutConfigurationSetDeliveryOptionsCommand,
  PutConfigurationSetReputationOptionsCommand,
  PutConfigurationSetSendingOptionsCommand,
  PutConfigurationSetSuppressionOptionsCommand,
  PutConfigurationSetTrackingOptionsCommand,
  SESv2Client,
  UpdateConfigurationSetEventDestinationCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness, inputsOf } from "../helpers/component";

const sesv2 = mockClient(SESv2Client);
mockClient(SESClient).onAnyCommand().resolves({});
beforeEach(() => {
  sesv2.reset();
  sesv2.onAnyCommand().resolves({});
});

const run = (key: string, params: Record<string, unknown>) =>
  harness.action(key, { connection: accessKey, region: "us-east-1", ...params });

describe("configuration set options: exact command input", () => {
  // biome-ignore lint/suspicious/noExplicitAny: each row names its own command class
  const ROWS: [string, Record<string, unknown>, any, Record<string, unknown>][] = [
    [
      "putConfigurationSetSending",
      { configurationSet: "tenant-acme", sendingEnabled: "false" },
      PutConfigurationSetSendingOptionsCommand,
      { ConfigurationSetName: "tenant-acme", SendingEnabled: false },
    ],
    [
      "putConfigurationSetTracking",
      {
        configurationSet: "tenant-acme",
        customRedirectDomain: "track.acme.example",
        httpsPolicy: "REQUIRE",
      },
      PutConfigurationSetTrackingOptionsCommand,
      {
        ConfigurationSetName: "tenant-acme",
        CustomRedirectDomain: "track.acme.example",
        HttpsPolicy: "REQUIRE",
      },
    ],
    [
      "putConfigurationSetDelivery",
      {
        configurationSet: "tenant-acme",
        tlsRequired: "true",
        sendingPool: "acme-pool",
        maxDeliverySeconds: "3600",
      },
      PutConfigurationSetDeliveryOptionsCommand,
      {
        ConfigurationSetName: "tenant-acme",
        TlsPolicy: "REQUIRE",
        SendingPoolName: "acme-pool",
        MaxDeliverySeconds: 3600,
      },
    ],
    [
      "putConfigurationSetDelivery",
      { configurationSet: "tenant-acme" },
      PutConfigurationSetDeliveryOptionsCommand,
      {
        ConfigurationSetName: "tenant-acme",
        TlsPolicy: "OPTIONAL",
        SendingPoolName: undefined,
        MaxDeliverySeconds: undefined,
      },
    ],
    [
      "putConfigurationSetReputation",
      { configurationSet: "tenant-acme", reputationMetrics: "false" },
      PutConfigurationSetReputationOptionsCommand,
      { ConfigurationSetName: "tenant-acme", ReputationMetricsEnabled: false },
    ],
    [
      "putConfigurationSetSuppression",
      { configurationSet: "tenant-acme", suppressedReasons: ["complaint"] },
      PutConfigurationSetSuppressionOptionsCommand,
      { ConfigurationSetName: "tenant-acme", SuppressedReasons: ["COMPLAINT"] },
    ],
    [
      "putConfigurationSetSuppression",
      { configurationSet: "tenant-acme", suppressedReasons: [] },
      PutConfigurationSetSuppressionOptionsCommand,
      { ConfigurationSetName: "tenant-acme", SuppressedReasons: [] },
    ],
    [
      "putAccountSuppression",
      { suppressedReasons: ["BOUNCE", "bounce", "COMPLAINT"] },
      PutAccountSuppressionAttributesCommand,
      { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
    ],
  ];
  it.each(ROWS)("%s %j", async (key, params, command, expected) => {
    await run(key, params);
    expect(sesv2.calls()).toHaveLength(1);
    expect(inputsOf(sesv2, command)).toEqual([expected]);
  });

  it.each([
    ["putConfigurationSetTracking", { httpsPolicy: "ALWAYS" }, /HTTPS Policy must be/],
    ["putConfigurationSetDelivery", { maxDeliverySeconds: "60" }, /from 300 to 50400/],
    ["putConfigurationSetDelivery", { maxDeliverySeconds: "50401" }, /from 300 to 50400/],
    ["putConfigurationSetDelivery", { sendingPool: "no spaces" }, /not a dedicated IP pool name/],
    ["putConfigurationSetSuppression", { suppressedReasons: ["SPAM"] }, /BOUNCE or COMPLAINT/],
    [
      "putConfigurationSetSending",
      { configurationSet: "bad name" },
      /not a configuration set name/,
    ],
  ])("%s refuses %j before any call", async (key, params, message) => {
    await expect(run(key, { configurationSet: "tenant-acme", ...params })).rejects.toThrow(message);
    expect(sesv2.calls()).toHaveLength(0);
  });
});

describe("Get Configuration Set", () => {
  it("reads every option, with null where the set follows SES's or the account's default", async () => {
    sesv2.on(GetConfigurationSetCommand).resolves({
      ConfigurationSetName: "tenant-acme",
      SendingOptions: { SendingEnabled: false },
      TrackingOptions: { CustomRedirectDomain: "track.acme.example", HttpsPolicy: "REQUIRE" },
      DeliveryOptions: { TlsPolicy: "REQUIRE", SendingPoolName: "acme-pool" },
      ReputationOptions: {
        ReputationMetricsEnabled: true,
        LastFreshStart: new Date("2026-11-01T00:00:00Z"),
      },
      Tags: [{ Key: "tenant", Value: "acme" }],
    });
    const result = dataOf(await run("getConfigurationSet", { configurationSet: "tenant-acme" }));
    expect(inputsOf(sesv2, GetConfigurationSetCommand)).toEqual([
      { ConfigurationSetName: "tenant-acme" },
    ]);
    expect(result).toEqual({
      configurationSet: "tenant-acme",
      sendingEnabled: false,
      tracking: { customRedirectDomain: "track.acme.example", httpsPolicy: "REQUIRE" },
      delivery: { tlsPolicy: "REQUIRE", sendingPool: "acme-pool", maxDeliverySeconds: null },
      reputation: { metricsEnabled: true, lastFreshStart: "2026-11-01T00:00:00.000Z" },
      suppressedReasons: null,
      tags: { tenant: "acme" },
    });
  });
});

describe("event destinations: SNS, EventBridge, CloudWatch", () => {
  const base = {
    configurationSet: "tenant-acme",
    eventDestination: "events",
    eventTypes: ["BOUNCE", "COMPLAINT"],
  };

  it("creates an EventBridge destination", async () => {
    const result = dataOf<Record<string, unknown>>(
      await run("createEventDestination", {
        ...base,
        destinationType: "EVENT_BRIDGE",
        eventBusArn: "arn:aws:events:us-east-1:111122223333:event-bus/default",
      }),
    );
    expect(inputsOf(sesv2, CreateConfigurationSetEventDestinationCommand)).toEqual([
      {
        ConfigurationSetName: "tenant-acme",
        EventDestinationName: "events",
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ["BOUNCE", "COMPLAINT"],
          EventBridgeDestination: {
            EventBusArn: "arn:aws:events:us-east-1:111122223333:event-bus/default",
          },
        },
      },
    ]);
    expect(result).toMatchObject({ destinationType: "EVENT_BRIDGE", snsTopicArn: null });
  });

  it("updates a destination to CloudWatch dimensions and turns it off", async () => {
    await run("updateEventDestination", {
      ...base,
      enabled: "false",
      destinationType: "CLOUDWATCH",
      cloudWatchDimensions: '[{"name": "tenant", "source": "MESSAGE_TAG", "default": "none"}]',
    });
    expect(inputsOf(sesv2, UpdateConfigurationSetEventDestinationCommand)).toEqual([
      {
        ConfigurationSetName: "tenant-acme",
        EventDestinationName: "events",
        EventDestination: {
          Enabled: false,
          MatchingEventTypes: ["BOUNCE", "COMPLAINT"],
          CloudWatchDestination: {
            DimensionConfigurations: [
              {
                DimensionName: "tenant",
                DimensionValueSource: "MESSAGE_TAG",
                DefaultDimensionValue: "none",
              },
            ],
          },
        },
      },
    ]);
  });

  it("keeps SNS as the default type, as before", async () => {
    await run("createEventDestination", {
      ...base,
      snsTopicArn: "arn:aws:sns:us-east-1:111122223333:ses",
    });
    expect(
      inputsOf(sesv2, CreateConfigurationSetEventDestinationCommand)[0].EventDestination,
    ).toEqual({
      Enabled: true,
      MatchingEventTypes: ["BOUNCE", "COMPLAINT"],
      SnsDestination: { TopicArn: "arn:aws:sns:us-east-1:111122223333:ses" },
    });
  });

  it.each([
    [{ destinationType: "SNS" }, /A SNS destination needs SNS Topic ARN/],
    [{ destinationType: "EVENT_BRIDGE" }, /needs Event Bus ARN/],
    [
      {
        destinationType: "EVENT_BRIDGE",
        eventBusArn: "arn:aws:events:us-east-1:111122223333:event-bus/default",
        snsTopicArn: "arn:aws:sns:us-east-1:111122223333:ses",
      },
      /SNS Topic ARN is for a SNS destination, but Destination Type is EVENT_BRIDGE/,
    ],
    [
      { destinationType: "EVENT_BRIDGE", eventBusArn: "arn:aws:sns:us-east-1:1:x" },
      /not an EventBridge event bus ARN/,
    ],
    [{ destinationType: "CLOUDWATCH", cloudWatchDimensions: "[{}]" }, /Dimensions\[0\]\.name/],
    [
      {
        destinationType: "CLOUDWATCH",
        cloudWatchDimensions: '[{"name": "t", "source": "TAG", "default": "x"}]',
      },
      /Dimensions\[0\]\.source must be/,
    ],
    [{ destinationType: "CLOUDWATCH", cloudWatchDimensions: "{" }, /not valid JSON/],
    [{ destinationType: "KINESIS" }, /Destination Type must be/],
  ])("refuses %j before any call", async (params, message) => {
    await expect(run("createEventDestination", { ...base, ...params })).rejects.toThrow(message);
    await expect(run("updateEventDestination", { ...base, ...params })).rejects.toThrow(message);
    expect(sesv2.calls()).toHaveLength(0);
  });
});
