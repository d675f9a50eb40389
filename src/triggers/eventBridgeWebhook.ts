import { type HttpResponse, type TriggerPayload, trigger, util } from "@prismatic-io/spectral";
import {
  apiKeyHeaderInput,
  apiKeyInput,
  eventBridgeAccountInput,
  maxEventAgeInput,
} from "../inputs/eventBridge";
import { eventTypesInput } from "../inputs/triggers";
import { hasApiKey } from "../sesEvents/apiDestinationKey";
import { readEventBridgeEvent } from "../sesEvents/eventBridge";
import { normalizeSesMessage, type SesEvent } from "../sesEvents/normalize";
import { bounceTransientEvent } from "../sesEvents/samples";
import { DeliveryLog } from "../sns/deliveryLog";
import { MAX_CLOCK_SKEW_SECONDS } from "../sns/verifySignature";
import { exampleTriggerResult } from "./examplePayload";

export const EVENTBRIDGE_BRANCHES = ["Notification", "Duplicate", "Ignored", "Refused"];
/** instanceState key of the EventBridge event IDs this flow's trigger passed on recently. */
export const EVENTBRIDGE_LOG_KEY = "aws-ses-eventbridge-delivered";
const MAX_REMEMBERED_EVENTS = 2000;

const json = (statusCode: number, body: Record<string, unknown>): HttpResponse => ({
  statusCode,
  contentType: "application/json",
  body: JSON.stringify(body),
});

/**
 * EventBridge retries 429 and 5xx and sends other 4xx answers to the target's dead-letter queue:
 * a refused request gets a 4xx, so a forged one is never retried and a misconfigured key shows up
 * in the dead-letter queue. A returned response does not stop the flow: its Refused branch must
 * end it.
 */
function result(
  payload: TriggerPayload,
  branch: string,
  data: Record<string, unknown>,
  response: HttpResponse,
) {
  return {
    branch,
    response,
    payload: {
      ...payload,
      // The request is not passed on (whoever reads execution results could post it again); the
      // key header in particular never leaves the trigger.
      headers: {},
      rawBody: { data: "" },
      body: { data, contentType: "application/json" },
    },
  };
}

type WebhookResult = ReturnType<typeof result> & { instanceState?: Record<string, unknown> };

export const sesEventBridgeEvents = trigger({
  display: {
    label: "SES Events From EventBridge",
    description:
      "Runs for each SES event an EventBridge API destination posts to this flow's webhook, after checking the API key header the destination's connection sends (refused with 401 before anything is read). The event is normalised like the SNS triggers' events, with EventBridge's envelope; a redelivered event goes to the Duplicate branch. End the Refused branch at once.",
  },
  inputs: {
    apiKeyHeader: apiKeyHeaderInput,
    apiKey: apiKeyInput,
    expectedAccountId: eventBridgeAccountInput,
    eventTypes: eventTypesInput,
    maxEventAgeSeconds: maxEventAgeInput,
  },
  allowsBranching: true,
  staticBranchNames: EVENTBRIDGE_BRANCHES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "invalid",
  perform: async (context, payload, params): Promise<WebhookResult> => {
    // Before anything else: the request's body is not even read without the key.
    if (!hasApiKey(payload.headers, params.apiKeyHeader, params.apiKey)) {
      context.logger.warn(
        `SES Events From EventBridge refused a request without the right ${params.apiKeyHeader} header (401).`,
      );
      return result(
        payload,
        "Refused",
        { reason: `The request has no valid ${params.apiKeyHeader} header.` },
        json(401, { error: "unauthorized" }),
      );
    }
    const refuse = (reason: string) => {
      context.logger.warn(`SES Events From EventBridge refused a request (400): ${reason}`);
      return result(payload, "Refused", { reason }, json(400, { error: reason }));
    };
    let data: unknown;
    try {
      data = JSON.parse(util.types.toString(payload.rawBody?.data));
    } catch {
      return refuse("The body is not JSON.");
    }
    const read = readEventBridgeEvent(data, {
      expectedAccountIds: params.expectedAccountId ? [params.expectedAccountId] : [],
    });
    if (read.kind === "refused") return refuse(read.reason);
    const { envelope } = read;
    const now = Date.now();
    const age = (now - Date.parse(envelope.time)) / 1000;
    if (age > params.maxEventAgeSeconds) {
      return refuse(
        `The event's time ${envelope.time} is more than ${params.maxEventAgeSeconds} s ago.`,
      );
    }
    if (age < -MAX_CLOCK_SKEW_SECONDS) {
      return refuse(`The event's time ${envelope.time} is in the future.`);
    }
    const ok = json(200, { status: "received" });
    const log = DeliveryLog.read(context.instanceState?.[EVENTBRIDGE_LOG_KEY]);
    const before = log.seenAt(envelope.id, now, params.maxEventAgeSeconds * 1000);
    if (before !== undefined) {
      return result(
        payload,
        "Duplicate",
        {
          eventBridge: envelope,
          reason: `EventBridge delivered event ${envelope.id} again; this flow passed it on at ${new Date(before).toISOString()}.`,
          firstPassedOnAt: new Date(before).toISOString(),
        },
        ok,
      );
    }
    if (read.kind === "ignored") {
      return result(payload, "Ignored", { eventBridge: envelope, reason: read.reason }, ok);
    }
    if (params.eventTypes.length > 0 && !params.eventTypes.includes(read.event.type)) {
      return result(
        payload,
        "Ignored",
        {
          eventBridge: envelope,
          reason: `A ${read.event.type} event is not one of this trigger's Event Types.`,
          eventType: read.event.type,
        },
        ok,
      );
    }
    log.remember(envelope.id, now, {
      maxAgeMs: params.maxEventAgeSeconds * 1000,
      maxEntries: MAX_REMEMBERED_EVENTS,
    });
    return {
      ...result(payload, "Notification", { eventBridge: envelope, event: read.event }, ok),
      instanceState: { ...context.instanceState, [EVENTBRIDGE_LOG_KEY]: log.toJSON() },
    };
  },
  examplePayload: result(
    exampleTriggerResult("Notification", {}).payload,
    "Notification",
    {
      eventBridge: {
        id: "0a7c3d2e-9b8f-4a61-8c3e-5d4f6a7b8c9d",
        detailType: "Email Bounced",
        account: "111122223333",
        region: "us-east-1",
        time: "2026-11-23T17:41:05Z",
        resources: ["arn:aws:ses:us-east-1:111122223333:configuration-set/ses-events"],
      },
      event: normalizeSesMessage(JSON.stringify(bounceTransientEvent)) as SesEvent,
    },
    json(200, { status: "received" }),
  ),
});
