import type { SesEventType } from "../sesEvents/normalize";
import {
  decideEvent,
  type IntakeLedger,
  type QueueDecision,
  REDRIVE_ATTRIBUTE,
} from "./intakeLedger";
import { type QueuedMessage, type QueueIntakeOptions, readQueuedMessage } from "./queuedMessage";

type EventMessage = Extract<QueuedMessage, { kind: "event" }>;

export interface SortedPage<M> {
  handOver: { message: M; checked: EventMessage }[];
  remove: { message: M; why: "duplicate" | "ignored"; detail: string }[];
  leave: { message: M; why: Extract<QueueDecision, { kind: "leave" }>["why"]; detail: string }[];
}

/** What the sorting reads of an SQS message. */
export interface SortableMessage {
  messageId: string;
  body: string;
  sentAt: string | null;
  messageAttributes: Record<string, { StringValue?: string }>;
}

const time = (text: string | null | undefined) => {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
};

/**
 * One page of SQS messages sorted into what goes to the flow, what is deleted now (genuine and
 * done with) and what is left in the queue (refused, or held back): the trigger's whole policy,
 * with no AWS call. A certificate that cannot be fetched leaves its message for a retry.
 */
export async function sortQueueMessages<M extends SortableMessage>(
  messages: readonly M[],
  options: {
    intake: QueueIntakeOptions;
    /** Only these types go to the flow (all when empty); others are deleted as ignored. */
    eventTypes: readonly SesEventType[];
    /** What the trigger handed over before (this run's hand-overs included). */
    ledger: IntakeLedger;
  },
): Promise<SortedPage<M>> {
  const page: SortedPage<M> = {
    handOver: [],
    remove: [],
    leave: [],
  };
  // This page's hand-overs, so a second copy in the same page is seen too.
  const pageHandOvers = new Map<string, string>();
  for (const message of messages) {
    let checked: QueuedMessage;
    try {
      checked = await readQueuedMessage(message.body, options.intake);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      page.leave.push({ message, why: "retry", detail: reason });
      continue;
    }
    if (checked.kind === "refused") {
      page.leave.push({ message, why: "refused", detail: checked.reason });
      continue;
    }
    if (checked.kind === "ignored") {
      page.remove.push({ message, why: "ignored", detail: checked.reason });
      continue;
    }
    if (options.eventTypes.length > 0 && !options.eventTypes.includes(checked.event.type)) {
      const detail = `a ${checked.event.type} event, not one of the trigger's Event Types`;
      page.remove.push({ message, why: "ignored", detail });
      continue;
    }
    const twin = pageHandOvers.get(checked.deliveryKey);
    if (twin !== undefined && twin !== message.messageId) {
      const detail = `a copy of ${checked.deliveryKey}, which message ${twin} in this page carries`;
      page.remove.push({ message, why: "duplicate", detail });
      continue;
    }
    const decision = decideEvent(
      {
        key: checked.deliveryKey,
        messageId: message.messageId,
        sentAt: time(message.sentAt),
        // EventBridge signs nothing and retries for up to a day: no age tells a replay apart.
        signedAt: checked.eventBridge
          ? null
          : time(checked.sns?.timestamp ?? checked.event.mail.timestamp),
        redriveOf: message.messageAttributes[REDRIVE_ATTRIBUTE]?.StringValue ?? null,
      },
      options.ledger,
    );
    if (decision.kind === "delete") page.remove.push({ message, ...decision });
    else if (decision.kind === "leave") page.leave.push({ message, ...decision });
    else {
      page.handOver.push({ message, checked });
      pageHandOvers.set(checked.deliveryKey, message.messageId);
    }
  }
  return page;
}
