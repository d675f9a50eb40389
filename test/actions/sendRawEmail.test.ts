import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: "raw-1" });
});

const MIME =
  "From: Sender <sender@example.com>\r\nTo: jane@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello\r\n";

const send = (params: Record<string, unknown>) =>
  harness.action("sendRawEmail", {
    connection: accessKey,
    region: "us-east-1",
    to: [],
    cc: [],
    bcc: [],
    messageTags: [],
    ...params,
  });

describe("Send Raw Email", () => {
  it("sends the message bytes unchanged, with recipients from its own headers", async () => {
    const result = await send({
      rawMessage: { data: Buffer.from(MIME), contentType: "message/rfc822" },
    });
    expect(dataOf(result)).toEqual({ messageId: "raw-1", tenant: null });
    const input = ses.commandCalls(SendEmailCommand)[0].args[0].input;
    expect(input).toEqual({
      FromEmailAddress: undefined,
      Destination: undefined,
      Content: { Raw: { Data: Buffer.from(MIME) } },
      ConfigurationSetName: undefined,
      EmailTags: undefined,
    });
  });

  it("takes a text message and overrides the sender and recipients when given", async () => {
    const noRecipients = "From: a@example.com\nSubject: x\n\nbody";
    await send({
      rawMessage: noRecipients,
      from: "bounce@example.com",
      bcc: ["archive@example.com"],
      configurationSet: "cs",
    });
    const input = ses.commandCalls(SendEmailCommand)[0].args[0].input;
    expect(input.FromEmailAddress).toBe("bounce@example.com");
    expect(input.Destination).toEqual({
      ToAddresses: [],
      CcAddresses: [],
      BccAddresses: ["archive@example.com"],
    });
    expect(Buffer.from(input.Content?.Raw?.Data ?? []).toString()).toBe(noRecipients);
    expect(input.ConfigurationSetName).toBe("cs");
  });

  it.each([
    ["no message", "", /^Raw Message is required/],
    ["text that is not a message", "Hello, this is not MIME", /^Raw Message is not a MIME message/],
    [
      "a message without From",
      "To: a@example.com\r\nSubject: x\r\n\r\nbody",
      /no From header: add one, or give a From Override/,
    ],
    [
      "a message without recipients",
      "From: a@example.com\r\nSubject: x\r\n\r\nbody",
      /no To, Cc or Bcc header/,
    ],
    [
      "a message over 40 MB",
      Buffer.concat([Buffer.from(MIME), Buffer.alloc(40 * 1024 * 1024)]),
      /over SES's 40 MB limit/,
    ],
  ])("rejects %s before calling AWS", async (_case, rawMessage, message) => {
    await expect(send({ rawMessage })).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
