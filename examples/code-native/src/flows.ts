import { flow, util } from "@prismatic-io/spectral";

interface FetchedEmail {
  subject: string;
  from: { name: string; address: string } | null;
  text: string | null;
  attachments: { fileName: string; file: { data: Buffer; contentType: string } }[];
}

/**
 * Runs on each mail SES receives: fetches and decrypts it (Fetch Received Email), then forwards
 * its attachments to the operations address (Send Email).
 */
export const forwardPurchaseOrders = flow({
  name: "Forward purchase orders",
  stableKey: "forward-purchase-orders",
  description: "Forward the attachments of every received purchase-order mail to operations.",
  onTrigger: {
    component: "awsSes",
    key: "receivedEmail",
    values: {
      connection: { configVar: "AWS Connection" },
      // The trigger accepts messages only from this topic, and subscribes to it on deploy.
      subscribeTopic: { configVar: "Inbound Topic ARN" },
      fetchEmail: { value: false },
      expectedBucket: { value: "inbound-mail" },
      expectedRuleName: { value: "store-inbound" },
    },
  },
  onExecution: async (context, params) => {
    const connection = context.configVars["AWS Connection"];
    const notification = (params.onTrigger.results.body as { data: unknown }).data;
    const fetched = await context.components.awsSes.fetchReceivedEmail<{ data: FetchedEmail }>({
      connection,
      region: "us-east-1",
      notification: JSON.stringify(notification),
      expectedRuleName: "store-inbound",
    });
    const email = fetched.data;
    const sent = await context.components.awsSes.sendEmail<{ data: { messageId: string } }>({
      connection,
      region: "us-east-1",
      from: "orders@example.com",
      to: [util.types.toString(context.configVars["Operations Address"])],
      subject: `Fwd: ${email.subject}`,
      textBody: `From ${email.from?.address ?? "unknown sender"}:\n\n${email.text ?? ""}`,
      // From code a file goes as a data URL: any other string would be sent as a text file.
      attachments: email.attachments.map((attachment) => ({
        key: attachment.fileName,
        value: `data:${attachment.file.contentType};base64,${attachment.file.data.toString("base64")}`,
      })),
    });
    return { data: { forwarded: email.attachments.length, messageId: sent.data.messageId } };
  },
});
