import { batchTrigger, type TriggerPayload } from "@prismatic-io/spectral";
import { clientSettings, createSqsClient } from "../aws/clients";
import { cleanBoolean } from "../inputs/clean";
import { connectionInput, regionInput } from "../inputs/common";
import { eventBridgeAccountInput } from "../inputs/eventBridge";
import { receivedMailInputs, s3EndpointInput } from "../inputs/inbound";
import {
  eventBridgeEventsInput,
  maxMessagesPerRunInput,
  queueEventTypesInput,
  queueMaxMessageAgeInput,
  queueTopicArnsInput,
  queueUrlInput,
  rawMessageDeliveryInput,
  sqsEndpointInput,
  visibilityTimeoutInput,
  waitTimeInput,
} from "../inputs/queue";
import { fetchStoredMailInput, requireSignatureV2Input } from "../inputs/triggers";
import { IntakeLedger, type StoredLedger } from "../intake/intakeLedger";
import type { QueueEventItem } from "../intake/queueItem";
import { sortQueueMessages } from "../intake/sortQueueMessages";
import { queueSetUpWarnings } from "../queue/queueHealth";
import { deleteMessages, receiveMessages } from "../queue/queueMessages";
import { normalizeSesMessage, type SesEvent } from "../sesEvents/normalize";
import { bouncePermanent } from "../sesEvents/samples";
import { snsCertificates } from "../sns/certificates";
import { checkQueueUrl } from "../values/sqsQueueUrl";
import { exampleBatchResult, exampleSns } from "./examplePayload";
import { receivedMail } from "./receivedMail";

/** A run stops asking for more after this long, leaving the rest to the next scheduled run. */
const RUN_BUDGET_MS = 5 * 60 * 1000;
/** With Fetch Email Content, a page holds at most this much mail, far below the step-result limit. */
const PAGE_MAIL_BUDGET_MB = 64;

/** The cursor between pages of one run: carried, because state written by a page may not be. */
type RunCursor = { page: number; received: number; startedAt: number; handedOver: StoredLedger };
/** In the polling state: the page that wrote it, so the next page knows its ledger is current. */
type RunMark = { startedAt: number; page: number };

const pageSize = (params: { fetchEmail: boolean; maxSizeMb: number }) =>
  params.fetchEmail
    ? Math.max(1, Math.min(10, Math.floor(PAGE_MAIL_BUDGET_MB / params.maxSizeMb)))
    : 10;

export const sesQueueEvents = batchTrigger({
  display: {
    label: "SES Events From SQS",
    description:
      "Reads SES events from an SQS queue on a schedule and hands them to the flow in batches: durable intake that loses nothing when the flow is down. SNS envelopes are verified and only your topics accepted; EventBridge events are taken when EventBridge Events is on; events are normalised like the webhook triggers'. End the flow with Acknowledge SES Events: a message leaves the queue only then.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    queueUrl: queueUrlInput,
    allowedTopicArns: queueTopicArnsInput,
    rawMessageDelivery: rawMessageDeliveryInput,
    eventBridgeEvents: eventBridgeEventsInput,
    eventBridgeAccountId: {
      ...eventBridgeAccountInput,
      comments: `With EventBridge Events: ${eventBridgeAccountInput.comments}`,
    },
    eventTypes: queueEventTypesInput,
    maxMessageAgeSeconds: queueMaxMessageAgeInput,
    requireSignatureV2: requireSignatureV2Input,
    visibilityTimeoutSeconds: visibilityTimeoutInput,
    maxMessagesPerRun: maxMessagesPerRunInput,
    waitTimeSeconds: waitTimeInput,
    fetchEmail: {
      ...fetchStoredMailInput,
      default: "false",
      clean: cleanBoolean("Fetch Email Content"),
    },
    ...receivedMailInputs,
    endpoint: sqsEndpointInput,
    s3Endpoint: s3EndpointInput,
  },
  scheduleSupport: "required",
  batchConfig: { batchSize: 10, concurrentBatchLimit: 2 },
  perform: async (context, payload: TriggerPayload<RunCursor>, params) => {
    const queue = checkQueueUrl("Queue URL", params.queueUrl, {
      region: params.region,
      endpointOverride: params.endpoint !== undefined,
    });
    if (
      !params.rawMessageDelivery &&
      !params.eventBridgeEvents &&
      params.allowedTopicArns.length === 0
    ) {
      throw new Error(
        "Allowed Topic ARNs is empty, so every SNS message would be refused: list the topic that delivers to this queue (or turn on Raw Message Delivery if its subscription sends raw messages, or EventBridge Events if an EventBridge rule sends to it).",
      );
    }
    const cursor = payload.paginationState ?? undefined;
    const startedAt = cursor?.startedAt ?? Date.now();
    const received = cursor?.received ?? 0;
    const pageNumber = (cursor?.page ?? 0) + 1;
    // The run's own hand-overs also ride in the cursor, in case the platform does not pass one
    // page's state to the next; they are added only when the state is not the previous page's.
    const polled = context.polling.getState();
    const ledger = IntakeLedger.read(polled.ledger ?? polled.handedOver); // handedOver: version 1
    const runLedger = IntakeLedger.read(cursor?.handedOver);
    const lastPage = polled.lastPage as RunMark | undefined;
    const carriedOver = lastPage?.startedAt === startedAt && lastPage.page === pageNumber - 1;
    if (cursor && !carriedOver) ledger.absorb(runLedger);

    const sqs = await createSqsClient(clientSettings(params));
    const want = Math.min(pageSize(params), params.maxMessagesPerRun - received);
    const messages = await receiveMessages(sqs, {
      queueUrl: queue.url,
      max: want,
      visibilityTimeout: params.visibilityTimeoutSeconds,
      waitSeconds: params.waitTimeSeconds,
    });
    const now = Date.now();
    const sorted = await sortQueueMessages(messages, {
      intake: {
        acceptedTopicArns: params.allowedTopicArns,
        rawDelivery: params.rawMessageDelivery,
        eventBridge: params.eventBridgeEvents,
        expectedAccountIds: params.eventBridgeAccountId ? [params.eventBridgeAccountId] : [],
        certificates: snsCertificates,
        maxAgeSeconds: params.maxMessageAgeSeconds,
        requireSignatureVersion2: params.requireSignatureV2,
      },
      eventTypes: params.eventTypes,
      ledger,
    });

    const items: QueueEventItem[] = [];
    const leave = [...sorted.leave];
    for (const { message, checked } of sorted.handOver) {
      let mail = {};
      if (checked.event.type === "Received" && params.fetchEmail) {
        try {
          mail = await receivedMail(checked.event, { ...params, endpoint: params.s3Endpoint });
        } catch (error) {
          // Mail that cannot be fetched or authenticated is not handed over; it comes back.
          const detail = error instanceof Error ? error.message : String(error);
          leave.push({ message, why: "retry", detail: `its mail could not be fetched: ${detail}` });
          continue;
        }
      }
      items.push({
        sns: checked.sns,
        ...(checked.eventBridge ? { eventBridge: checked.eventBridge } : {}),
        event: checked.event,
        ...mail,
        queue: {
          url: queue.url,
          messageId: message.messageId,
          receiptHandle: message.receiptHandle,
          receiveCount: message.receiveCount,
          sentAt: message.sentAt,
          deliveryKey: checked.deliveryKey,
        },
      });
      ledger.record(checked.deliveryKey, message.messageId, now);
      runLedger.record(checked.deliveryKey, message.messageId, now);
    }

    // Genuine messages with nothing left to do: duplicates of acknowledged events, other types.
    const removed = await deleteMessages(
      sqs,
      queue.url,
      sorted.remove.map(({ message }) => ({
        id: message.messageId,
        receiptHandle: message.receiptHandle,
      })),
    );
    for (const { message, why, detail } of leave) {
      const what = why === "refused" ? "Refused" : "Left for a retry";
      context.logger.warn(
        `${what}: SQS message ${message.messageId} (received ${message.receiveCount} times) stays in the queue, ${detail}`,
      );
    }
    for (const failure of removed.failed) {
      context.logger.warn(
        `SQS did not delete message ${failure.id} (${failure.code}); it will come again and be dropped again.`,
      );
    }
    const count = (why: string) => sorted.remove.filter((entry) => entry.why === why).length;
    context.logger.info(
      `Page ${pageNumber}: ${messages.length} received, ${items.length} handed over, ${count("duplicate")} duplicates and ${count("ignored")} ignored deleted, ${leave.length} left in the queue.`,
    );

    const total = received + messages.length;
    const more =
      messages.length > 0 &&
      total < params.maxMessagesPerRun &&
      Date.now() - startedAt < RUN_BUDGET_MS;
    // Written on every page, in case a later page fails. Kept for Max Message Age: any copy
    // still in the queue after that is refused as too old anyway.
    ledger.prune(now, params.maxMessageAgeSeconds * 1000);
    const mark: RunMark = { startedAt, page: pageNumber };
    context.polling.setState({ ledger: ledger.toJSON(), lastPage: mark });
    return {
      items,
      paginationState: more
        ? { page: pageNumber, received: total, startedAt, handedOver: runLedger.toJSON() }
        : null,
      polledNoChanges: items.length === 0 && !more,
    };
  },
  // A deploy checks the queue's set-up and warns; it never fails on what it cannot read.
  onInstanceDeploy: async (context, params) => {
    const queue = checkQueueUrl("Queue URL", params.queueUrl, {
      region: params.region,
      endpointOverride: params.endpoint !== undefined,
    });
    try {
      const sqs = await createSqsClient(clientSettings(params));
      for (const warning of await queueSetUpWarnings(sqs, queue.url, params)) {
        context.logger.warn(`SES Events From SQS (${queue.name}): ${warning}`);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.logger.warn(
        `SES Events From SQS could not read queue ${queue.name}'s attributes (sqs:GetQueueAttributes) to check its set-up: ${reason}`,
      );
    }
  },
  examplePayload: exampleBatchResult([
    {
      sns: exampleSns,
      event: normalizeSesMessage(JSON.stringify(bouncePermanent)) as SesEvent,
      queue: {
        url: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
        messageId: "5fea7756-0ea4-451a-a703-a558b933e274",
        receiptHandle:
          "AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq8aVDqLb2l6hXaPhP2KQlXDbFAuJBc1fuKTWmCqp9kKoQK4ubyXeJHNwXW1BQxP9oTvOlj4K+eg7HLXmcGuCKiRzJGbXoiV0UQTuFcONAAWSTNk5HNL/Qdam4jOpRSl4yPdw8P7XN8J4EoATaxGJRoOj7ZzL2r8mC28amnOPKPiAYfAN6wdcF7KL8hrJt2Xv/dGQg==",
        receiveCount: 1,
        sentAt: "2026-11-23T17:41:05.090Z",
        deliveryKey: "sns:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
      },
    } satisfies QueueEventItem,
  ]),
});
