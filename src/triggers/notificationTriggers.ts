import type { NotificationType } from "@aws-sdk/client-ses";
import { trigger } from "@prismatic-io/spectral";
import { regionInput } from "../inputs/common";
import {
  allowedTopicArnsInput,
  eventTypesInput,
  includeHeadersInput,
  maxMessageAgeInput,
  notifyIdentityInput,
  optionalConnectionInput,
  requireSignatureV2Input,
  subscribeTopicInput,
} from "../inputs/triggers";
import { normalizeSesMessage, type SesEventType } from "../sesEvents/normalize";
import { bouncePermanent, complaint, delivery } from "../sesEvents/samples";
import { exampleSns, exampleTriggerResult } from "./examplePayload";
import { type LifecycleParams, snsLifecycle } from "./lifecycle";
import { BRANCHES, handleSnsRequest } from "./snsPipeline";

/** The inputs of every SNS webhook trigger of SES events (the benchmarks' no-op floor takes them too). */
export const commonInputs = {
  allowedTopicArns: allowedTopicArnsInput,
  maxMessageAgeSeconds: maxMessageAgeInput,
  requireSignatureV2: requireSignatureV2Input,
  connection: optionalConnectionInput,
  region: regionInput,
  subscribeTopic: subscribeTopicInput,
  notifyIdentity: notifyIdentityInput,
  includeHeaders: includeHeadersInput,
};

const exampleFor = (sample: unknown) =>
  exampleTriggerResult("Notification", {
    sns: exampleSns,
    event: normalizeSesMessage(JSON.stringify(sample)),
  });

const IDENTITY_TYPES: NotificationType[] = ["Bounce", "Complaint", "Delivery"];

/** A trigger that passes on SES events of the given types and routes everything else to Ignored. */
function sesTrigger(options: {
  label: string;
  description: string;
  types: SesEventType[];
  sample: unknown;
}) {
  const lifecycle = snsLifecycle(() =>
    IDENTITY_TYPES.filter((type) => options.types.includes(type)),
  );
  return trigger({
    display: { label: options.label, description: options.description },
    inputs: commonInputs,
    allowsBranching: true,
    staticBranchNames: BRANCHES,
    scheduleSupport: "invalid",
    synchronousResponseSupport: "invalid",
    perform: async (context, payload, params) =>
      handleSnsRequest(context, payload, params, async (event, sns) =>
        options.types.includes(event.type) ? { sns, event } : undefined,
      ),
    onInstanceDeploy: lifecycle.onInstanceDeploy,
    onInstanceDelete: lifecycle.onInstanceDelete,
    examplePayload: exampleFor(options.sample),
  });
}

export const bounceNotification = sesTrigger({
  label: "Bounce Notification",
  description:
    "Runs for each SES bounce delivered by Amazon SNS (identity notifications or configuration-set event publishing), after verifying the SNS signature. Each bounced recipient comes with its action, status and diagnostic code.",
  types: ["Bounce"],
  sample: bouncePermanent,
});

export const complaintNotification = sesTrigger({
  label: "Complaint Notification",
  description:
    "Runs for each SES complaint delivered by Amazon SNS, after verifying the SNS signature: feedback type and complaining recipients.",
  types: ["Complaint"],
  sample: complaint,
});

export const sesNotification = trigger({
  display: {
    label: "SES Notification",
    description:
      "Runs for SES events delivered by Amazon SNS, of the chosen types (Send, Reject, Delivery, Bounce, Complaint, DeliveryDelay, Open, Click, RenderingFailure, Subscription, Received), after verifying the SNS signature.",
  },
  inputs: { eventTypes: eventTypesInput, ...commonInputs },
  allowsBranching: true,
  staticBranchNames: BRANCHES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "invalid",
  perform: async (context, payload, params) =>
    handleSnsRequest(context, payload, params, async (event, sns) =>
      params.eventTypes.length === 0 || params.eventTypes.includes(event.type)
        ? { sns, event }
        : undefined,
    ),
  ...snsLifecycle((params: LifecycleParams & { eventTypes: SesEventType[] }) =>
    IDENTITY_TYPES.filter(
      (type) => params.eventTypes.length === 0 || params.eventTypes.includes(type),
    ),
  ),
  examplePayload: exampleFor(delivery),
});
