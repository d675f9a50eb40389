import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, EMPTY_SEND_LISTS, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: "msg-0001" });
});

const send = (params: Record<string, unknown>) =>
  harness.action("sendEmail", {
    connection: accessKey,
    region: "eu-west-1",
    from: "sender@example.com",
    subject: "Hello",
    textBody: "Hi there",
    ...EMPTY_SEND_LISTS,
    ...params,
  });

describe("Send Email", () => {
  it("sends every input to SESv2 SendEmail in SES's shape and returns the message id", async () => {
    const pdf = Buffer.from("%PDF-1.7 fake pdf bytes \x00\x01\x02", "binary");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
    const result = await send({
      from: "billing@example.com",
      fromName: "Acme Billing",
      to: ["Jane Doe <jane@example.com>", "bob@example.org, carol@bücher.example"],
      cc: ["cc@example.com"],
      bcc: ["audit@example.com"],
      replyTo: ["support@example.com"],
      subject: "Your invoice — November",
      textBody: "See attached.",
      htmlBody: '<p>See attached.</p><img src="cid:logo.png">',
      attachments: [{ key: "invoice.pdf", value: { data: pdf, contentType: "application/pdf" } }],
      inlineImages: [
        { key: "logo.png", value: { data: png, contentType: "application/octet-stream" } },
      ],
      configurationSet: "transactional",
      messageTags: [{ key: "campaign", value: "invoice-2026-11" }],
      customHeaders: [{ key: "X-Entity-Ref-ID", value: "inv-42" }],
    });

    expect(result).toEqual({ data: { messageId: "msg-0001", tenant: null } });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input).toEqual({
      FromEmailAddress: '"Acme Billing" <billing@example.com>',
      Destination: {
        ToAddresses: [
          '"Jane Doe" <jane@example.com>',
          "bob@example.org",
          "carol@xn--bcher-kva.example",
        ],
        CcAddresses: ["cc@example.com"],
        BccAddresses: ["audit@example.com"],
      },
      ReplyToAddresses: ["support@example.com"],
      Content: {
        Simple: {
          Subject: { Data: "Your invoice — November", Charset: "UTF-8" },
          Body: {
            Text: { Data: "See attached.", Charset: "UTF-8" },
            Html: { Data: '<p>See attached.</p><img src="cid:logo.png">', Charset: "UTF-8" },
          },
          Attachments: [
            {
              FileName: "invoice.pdf",
              RawContent: pdf,
              ContentType: "application/pdf",
              ContentDisposition: "ATTACHMENT",
              ContentTransferEncoding: "BASE64",
            },
            {
              FileName: "logo.png",
              RawContent: png,
              ContentType: "image/png",
              ContentDisposition: "INLINE",
              ContentId: "logo.png",
              ContentTransferEncoding: "BASE64",
            },
          ],
          Headers: [{ Name: "X-Entity-Ref-ID", Value: "inv-42" }],
        },
      },
      ConfigurationSetName: "transactional",
      EmailTags: [{ Name: "campaign", Value: "invoice-2026-11" }],
    });
  });

  it("leaves optional parts out of the request when they are not given", async () => {
    await send({ to: ["jane@example.com"], textBody: "", htmlBody: "<p>Hi</p>" });
    const input = ses.commandCalls(SendEmailCommand)[0].args[0].input;
    expect(input.FromEmailAddress).toBe("sender@example.com");
    expect(input.ReplyToAddresses).toBeUndefined();
    expect(input.ConfigurationSetName).toBeUndefined();
    expect(input.EmailTags).toBeUndefined();
    expect(input.Content?.Simple?.Body).toEqual({
      Text: undefined,
      Html: { Data: "<p>Hi</p>", Charset: "UTF-8" },
    });
    expect(input.Content?.Simple?.Attachments).toBeUndefined();
    expect(input.Content?.Simple?.Headers).toBeUndefined();
  });

  it("sends on behalf of another account's identity, with list management", async () => {
    await send({
      to: ["jane@example.com"],
      fromArn: "arn:aws:ses:eu-west-1:444455556666:identity/partner.example",
      feedbackForwardingAddress: "bounces@partner.example",
      feedbackForwardingArn: "arn:aws:ses:eu-west-1:444455556666:identity/partner.example",
      contactList: "newsletter",
      topic: "weekly",
    });
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input).toMatchObject({
      FromEmailAddressIdentityArn: "arn:aws:ses:eu-west-1:444455556666:identity/partner.example",
      FeedbackForwardingEmailAddress: "bounces@partner.example",
      FeedbackForwardingEmailAddressIdentityArn:
        "arn:aws:ses:eu-west-1:444455556666:identity/partner.example",
      ListManagementOptions: { ContactListName: "newsletter", TopicName: "weekly" },
    });
  });

  it("MIME-encodes a non-ASCII display name and takes the address out of a From with a name", async () => {
    await send({
      to: ["jane@example.com"],
      from: "Old Name <team@example.com>",
      fromName: "Équipe Ünicode",
    });
    const from = ses.commandCalls(SendEmailCommand)[0].args[0].input.FromEmailAddress ?? "";
    expect(from).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <team@example\.com>$/);
    const encoded = /B\?([^?]+)\?=/.exec(from)?.[1] ?? "";
    expect(Buffer.from(encoded, "base64").toString("utf8")).toBe("Équipe Ünicode");
  });

  it("takes a text value as an attachment and types it by its file name", async () => {
    await send({
      to: ["jane@example.com"],
      attachments: [{ key: "rows.csv", value: "a,b\n1,2\n" }],
    });
    const [attachment] =
      ses.commandCalls(SendEmailCommand)[0].args[0].input.Content?.Simple?.Attachments ?? [];
    expect(attachment.ContentType).toBe("text/csv");
    expect(Buffer.from(attachment.RawContent ?? []).toString("utf8")).toBe("a,b\n1,2\n");
  });

  it("takes a data URL as the file's bytes (how code-native calls pass files), other text as text", async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0xff, 0x00]);
    await send({
      to: ["jane@example.com"],
      attachments: [
        { key: "scan", value: `data:application/pdf;base64,${pdf.toString("base64")}` },
        { key: "note.txt", value: "data:not a data URL" },
      ],
    });
    const files =
      ses.commandCalls(SendEmailCommand)[0].args[0].input.Content?.Simple?.Attachments ?? [];
    expect(
      files.map((f) => [
        f.FileName,
        f.ContentType,
        Buffer.from(f.RawContent ?? []).toString("hex"),
      ]),
    ).toEqual([
      ["scan", "application/pdf", pdf.toString("hex")],
      ["note.txt", "text/plain", Buffer.from("data:not a data URL").toString("hex")],
    ]);
  });

  it("accepts a plain object of file name -> file as attachments (an earlier step's output)", async () => {
    await send({ to: ["jane@example.com"], attachments: { "a.txt": "one", "b.json": '{"x":1}' } });
    const files =
      ses.commandCalls(SendEmailCommand)[0].args[0].input.Content?.Simple?.Attachments ?? [];
    expect(files.map((f) => [f.FileName, f.ContentType])).toEqual([
      ["a.txt", "text/plain"],
      ["b.json", "application/json"],
    ]);
  });

  const many = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no recipient at all", {}, /at least one recipient/],
    [
      "an invalid To address",
      { to: ["not-an-address"] },
      /^To: "not-an-address" is not a valid email address/,
    ],
    ["an address without a TLD", { cc: ["x@localhost"] }, /^Cc: "x@localhost" is not a valid/],
    [
      "CR/LF injected into To",
      { to: ["a@example.com\r\nBcc: victim@evil.test"] },
      /^To: .* contains a line break/,
    ],
    [
      "CR/LF injected into From",
      { to: ["a@example.com"], from: "a@example.com\nBcc: x@evil.test" },
      /^From: .* line break/,
    ],
    [
      "CR/LF injected into the display name",
      { to: ["a@example.com"], fromName: "Acme\r\nBcc: x@evil.test" },
      /^From display name: .* line break/,
    ],
    [
      "CR/LF injected into Reply To",
      { to: ["a@example.com"], replyTo: ["r@example.com\nBcc: x@evil.test"] },
      /^Reply To: .* line break/,
    ],
    [
      "CR/LF injected into the subject",
      { to: ["a@example.com"], subject: "Hi\r\nBcc: x@evil.test" },
      /^Subject: .* line break/,
    ],
    [
      "CR/LF injected into a header value",
      { to: ["a@example.com"], customHeaders: [{ key: "X-Ref", value: "1\r\nBcc: x@evil.test" }] },
      /^Custom Headers "X-Ref": .* line break/,
    ],
    [
      "a header name with a colon",
      { to: ["a@example.com"], customHeaders: [{ key: "X-Bad:", value: "1" }] },
      /not a valid header name/,
    ],
    [
      "a reserved header",
      { to: ["a@example.com"], customHeaders: [{ key: "Bcc", value: "x@evil.test" }] },
      /"Bcc" cannot be set as a custom header/,
    ],
    [
      "a non-ASCII header value",
      { to: ["a@example.com"], customHeaders: [{ key: "X-Name", value: "Zoë" }] },
      /printable ASCII/,
    ],
    [
      "51 recipients",
      { to: many(30), cc: many(11), bcc: many(10) },
      /at most 50 recipients .* has 51/,
    ],
    ["no subject", { to: ["a@example.com"], subject: "" }, /^Subject is required/],
    [
      "no body",
      { to: ["a@example.com"], textBody: "", htmlBody: "" },
      /Text Body, an HTML Body, or both/,
    ],
    [
      "a blocked attachment type",
      { to: ["a@example.com"], attachments: [{ key: "setup.exe", value: "MZ" }] },
      /^Attachments: SES does not send attachments of type \.exe/,
    ],
    [
      "an empty attachment",
      { to: ["a@example.com"], attachments: [{ key: "a.pdf", value: "" }] },
      /^Attachments: "a.pdf" has no content/,
    ],
    [
      "an inline image id with spaces",
      { to: ["a@example.com"], inlineImages: [{ key: "my logo.png", value: "x" }] },
      /^Inline Images: content ID "my logo.png"/,
    ],
    [
      "a tag with a space",
      { to: ["a@example.com"], messageTags: [{ key: "camp aign", value: "x" }] },
      /^Message Tags: tag "camp aign"/,
    ],
    [
      "a bad configuration set",
      { to: ["a@example.com"], configurationSet: "has space" },
      /^Configuration Set "has space"/,
    ],
    [
      "a bad region",
      { to: ["a@example.com"], region: "mars-1" },
      /Region "mars-1" is not an AWS region/,
    ],
    [
      "a bad endpoint",
      { to: ["a@example.com"], endpoint: "ftp://x" },
      /Endpoint Override must be an http/,
    ],
  ])("rejects %s before calling AWS", async (_case, params, message) => {
    await expect(send(params)).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });

  it("rejects a message over SES's 40 MB encoded limit before calling AWS", async () => {
    // 30 MiB of bytes is about 41 MB once base64-encoded.
    const big = Buffer.alloc(30 * 1024 * 1024, 7);
    await expect(
      send({ to: ["a@example.com"], attachments: [{ key: "big.bin", value: big }] }),
    ).rejects.toThrow(/about 41\.\d MB once encoded, over SES's 40\.0 MB limit/);
    expect(ses.calls()).toHaveLength(0);
  });

  it("accepts 50 recipients and a 28 MiB attachment, just within SES's limits", async () => {
    const file = Buffer.alloc(28 * 1024 * 1024, 1);
    await send({ to: many(50), attachments: [{ key: "data.bin", value: file }] });
    const input = ses.commandCalls(SendEmailCommand)[0].args[0].input;
    expect(input.Destination?.ToAddresses).toHaveLength(50);
  });
});
