import type { TriggerPayload } from "@prismatic-io/spectral";

/** What a trigger hands the flow for an SNS request: the request, with our result in body.data. */
export function exampleTriggerResult(branch: string, data: Record<string, unknown>) {
  const payload: TriggerPayload = {
    headers: {
      "Content-Type": "text/plain; charset=UTF-8",
      "User-Agent": "Amazon Simple Notification Service Agent",
      "x-amz-sns-message-type": "Notification",
      "x-amz-sns-message-id": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
      "x-amz-sns-topic-arn": "arn:aws:sns:us-east-1:111122223333:ses-notifications",
    },
    queryParameters: {},
    rawBody: { data: "(the signed SNS message, as SNS sent it)", contentType: "text/plain" },
    body: { data, contentType: "application/json" },
    pathFragment: "",
    webhookUrls: {
      "SES Notifications": "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjEyMzQ=",
    },
    webhookApiKeys: {},
    invokeUrl: "https://hooks.prismatic.io/trigger/SW5zdGFuY2VGbG93Q29uZmlnOjEyMzQ=",
    executionId: "SW5zdGFuY2VFeGVjdXRpb25SZXN1bHQ6MTIzNA==",
    customer: { id: "Q3VzdG9tZXI6MQ==", externalId: "acme", name: "Acme Inc." },
    instance: { id: "SW5zdGFuY2U6MQ==", name: "Acme SES" },
    user: { id: "", email: "", name: "", externalId: "" },
    integration: {
      id: "SW50ZWdyYXRpb246MQ==",
      name: "SES",
      versionSequenceId: "1",
      externalVersion: "",
    },
    flow: { id: "SW5zdGFuY2VGbG93OjE=", name: "SES Notifications", stableId: "ses-notifications" },
    startedAt: "2026-11-23T17:41:05.120Z",
    globalDebug: false,
  };
  return { branch, payload };
}

export const exampleSns = {
  messageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
  topicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
  timestamp: "2026-11-23T17:41:05.051Z",
  subject: "Amazon SES Email Event Notification" as string | null,
  type: "Notification",
};

/** What a batched trigger hands one execution: the scheduled run's payload with the items in body.data. */
export function exampleBatchResult(items: unknown[]) {
  const { paginationState: _none, ...payload } = exampleTriggerResult("", {}).payload;
  return {
    payload: {
      ...payload,
      headers: {},
      rawBody: { data: "" },
      body: { data: items, contentType: "application/json" },
      webhookUrls: {},
      flow: { id: "SW5zdGFuY2VGbG93OjI=", name: "SES Events", stableId: "ses-events" },
    },
  };
}
