import type { KeyValuePair } from "@prismatic-io/spectral";
import type { Envelope, MessageExtras } from "../../mail/outgoingEmail";

/** The inputs Send Email and Send Templated Email share, as the envelope and extras of a message. */
export function envelopeFromParams(params: {
  from: string;
  fromName?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  attachments: KeyValuePair<unknown>[];
  inlineImages: KeyValuePair<unknown>[];
  configurationSet?: string;
  messageTags: KeyValuePair<unknown>[];
  customHeaders: KeyValuePair<unknown>[];
  fromArn?: string;
  feedbackForwardingAddress?: string;
  feedbackForwardingArn?: string;
  contactList?: string;
  topic?: string;
  tenant?: string;
}): Envelope & MessageExtras {
  return {
    from: params.from,
    fromName: params.fromName,
    to: params.to,
    cc: params.cc,
    bcc: params.bcc,
    replyTo: params.replyTo,
    attachments: params.attachments,
    inlineImages: params.inlineImages,
    configurationSet: params.configurationSet,
    tags: params.messageTags,
    headers: params.customHeaders,
    fromArn: params.fromArn,
    feedbackForwardingAddress: params.feedbackForwardingAddress,
    feedbackForwardingArn: params.feedbackForwardingArn,
    contactList: params.contactList,
    topic: params.topic,
    tenant: params.tenant,
  };
}
