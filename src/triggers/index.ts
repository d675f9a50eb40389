import { sesEventBridgeEvents } from "./eventBridgeWebhook";
import { newReceivedEmail } from "./newReceivedEmail";
import { bounceNotification, complaintNotification, sesNotification } from "./notificationTriggers";
import { sesQueueEvents } from "./queuedEvents";
import { receivedEmail } from "./receivedEmail";

export const triggers = {
  bounceNotification,
  complaintNotification,
  newReceivedEmail,
  receivedEmail,
  sesEventBridgeEvents,
  sesNotification,
  sesQueueEvents,
};
