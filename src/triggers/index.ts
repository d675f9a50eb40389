import { sesEventBridgeEvents } from "./eventBridgeWebhook";
import { bounceNotification, complaintNotification, sesNotification } from "./notificationTriggers";
import { sesQueueEvents } from "./queuedEvents";
import { receivedEmail } from "./receivedEmail";

export const triggers = {
  bounceNotification,
  complaintNotification,
  receivedEmail,
  sesEventBridgeEvents,
  sesNotification,
  sesQueueEvents,
};
