import {
  normalizeSesMessage,
  SES_EVENT_TYPES,
  type SesEvent,
  type SesEventType,
} from "./normalize";
import { SAMPLE_PER_EVENT_TYPE } from "./samples";

/**
 * What the triggers pass on as `event` for each SES event type, from the samples: the SES
 * Notification trigger's page shows one per type (scripts/docs.js), so a builder mapping an Open
 * or a Subscription event sees its fields.
 */
export function eventExamples(): Record<SesEventType, SesEvent> {
  return Object.fromEntries(
    SES_EVENT_TYPES.map((type) => [
      type,
      normalizeSesMessage(JSON.stringify(SAMPLE_PER_EVENT_TYPE[type])) as SesEvent,
    ]),
  ) as Record<SesEventType, SesEvent>;
}
