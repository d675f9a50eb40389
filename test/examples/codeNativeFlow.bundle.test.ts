import { createHash } from "node:crypto";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { configPages } from "../../examples/code-native/src/configPages";
import { forwardPurchaseOrders } from "../../examples/code-native/src/flows";
import { receivedS3 } from "../../src/sesEvents/samples";
import { bundledComponent, bundledHarness } from "../helpers/bundle";
import { TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { receivedMime } from "../helpers/receivedMail";
import { startS3Emulator } from "../helpers/s3Emulator";
import { startSesEmulator } from "../helpers/sesEmulator";
import { serveSnsLocally, signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

// The code-native example's purchase-order flow, run as Prismatic would run it: its trigger
// with the values the flow configures (config variables resolved), then its onExecution, whose
// context.components.awsSes calls go to the built component's actions, against the local S3 and
// SES emulators and the KMS stand-in.
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { startLocalKms } = require("../../demo/localKms") as any;
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { encryptLikeSes } = require("../../demo/sesEncryption") as any;
// biome-ignore lint/suspicious/noExplicitAny: flow and step results are checked field by field
type Loose = any;

const harness = bundledHarness();
const connection = createConnection(bundledComponent().connections?.[0] as never, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const CONTEXT = {
  "aws:ses:message-id": "po00000000000000000000000000000000000001",
  "aws:ses:rule-name": "store-inbound",
  "aws:ses:source-account": "111122223333",
};

describe("the code-native example's flow (examples/code-native), on the built component", () => {
  const sns = serveSnsLocally();
  let s3: Awaited<ReturnType<typeof startS3Emulator>>;
  let ses: Awaited<ReturnType<typeof startSesEmulator>>;
  let kms: Loose;
  beforeAll(async () => {
    s3 = await startS3Emulator("inbound-mail", {
      accessKeyId: TEST_KEY_ID,
      secretAccessKey: TEST_SECRET,
    });
    ses = await startSesEmulator();
    kms = await startLocalKms();
    process.env.AWS_ENDPOINT_URL_KMS = kms.url;
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_KMS;
    sns.restore();
    await kms.close();
    await ses.close();
    await s3.close();
  });

  it("takes a signed notification from its topic and forwards the stored mail's attachment byte for byte", async () => {
    const pdf = Buffer.from("%PDF-1.7\r\n% purchase order 4711\r\n");
    const mail = receivedMime({
      attachments: [{ fileNameHeader: 'filename="po-4711.pdf"', body: pdf }],
    });
    const stored = encryptLikeSes(mail, {
      ...kms.generateDataKey(CONTEXT),
      encryptionContext: CONTEXT,
    });
    await s3.put(`inbound/${CONTEXT["aws:ses:message-id"]}`, stored.body, stored.metadata);

    // Config variables as a deployed instance would hold them.
    const elements = configPages["Amazon SES"].elements as Record<
      string,
      { defaultValue?: string }
    >;
    const configVars: Record<string, unknown> = {
      "AWS Connection": connection,
      "Inbound Topic ARN": TOPIC_ARN,
      "Operations Address": elements["Operations Address"].defaultValue,
    };
    const resolve = (values: Record<string, { value?: unknown; configVar?: string }>) =>
      Object.fromEntries(
        Object.entries(values).map(([key, ref]) => [
          key,
          ref.configVar !== undefined ? configVars[ref.configVar] : ref.value,
        ]),
      );

    // The trigger, configured exactly as the flow configures it.
    const trigger = forwardPurchaseOrders.onTrigger as Loose;
    expect(trigger.key).toBe("receivedEmail");
    const notification = {
      ...receivedS3,
      mail: { ...receivedS3.mail, messageId: CONTEXT["aws:ses:message-id"] },
      receipt: {
        ...receivedS3.receipt,
        action: {
          type: "S3",
          topicArn: TOPIC_ARN,
          bucketName: "inbound-mail",
          objectKeyPrefix: "inbound/",
          objectKey: `inbound/${CONTEXT["aws:ses:message-id"]}`,
        },
      },
    };
    const raw = JSON.stringify(
      signedSnsMessage({ Type: "Notification", Message: JSON.stringify(notification) }),
    );
    const triggered = (await harness.trigger(
      "receivedEmail",
      { rawBody: { data: Buffer.from(raw) }, body: { data: raw } },
      { region: "us-east-1", ...resolve(trigger.values) },
    )) as Loose;
    expect(triggered.branch).toBe("Notification");

    // onExecution, its component calls dispatched to the built component's actions.
    const endpoints: Record<string, string> = {
      fetchReceivedEmail: s3.url,
      sendEmail: ses.url,
    };
    const awsSes = new Proxy(
      {},
      {
        get: (_target, action: string) => (params: Record<string, unknown>) =>
          harness.action(action, { ...params, endpoint: endpoints[action] }),
      },
    );
    const result = (await (forwardPurchaseOrders.onExecution as Loose)(
      { configVars, components: { awsSes }, logger: console },
      { onTrigger: { results: triggered.payload } },
    )) as Loose;

    expect(result.data.forwarded).toBe(1);
    const [sent] = await ses.emails();
    expect(sent.destination.to).toEqual(["ops@example.com"]);
    expect(sent.subject).toBe("Fwd: Purchase order 4711");
    expect(
      sent.attachments.map((a) => [a.filename, sha256(Buffer.from(a.content, "base64"))]),
    ).toEqual([["po-4711.pdf", sha256(pdf)]]);
  });
});
