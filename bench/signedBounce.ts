import { repoPath } from "./measure";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const localSns: any = require(repoPath("demo", "localSns.js"));

export const BENCH_TOPIC = "arn:aws:sns:us-east-1:111122223333:ses-notifications";

/** A signed SNS delivery of an SES bounce (event publishing), for recipient `n`. */
export const signedBounce = (n: number, messageId: string) =>
  JSON.stringify(
    localSns.signAsSns({
      Type: "Notification",
      MessageId: messageId,
      TopicArn: BENCH_TOPIC,
      Message: JSON.stringify({
        eventType: "Bounce",
        bounce: {
          bounceType: "Permanent",
          bouncedRecipients: [{ emailAddress: `u${n}@example.org` }],
        },
        mail: { messageId: `ses-${n}`, timestamp: new Date().toISOString(), destination: [] },
      }),
    }),
  );
