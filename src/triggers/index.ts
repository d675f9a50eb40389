import { bounceNotification, complaintNotification, sesNotification } from "./notificationTriggers";
import { receivedEmail } from "./receivedEmail";

export const triggers = {
  bounceNotification,
  complaintNotification,
  receivedEmail,
  sesNotification,
};
