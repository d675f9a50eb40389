import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, EMPTY_SEND_LISTS, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: "tmpl-1" });
});

const send = (params: Record<string, unknown>) =>
  harness.action("sendTemplatedEmail", {
    ...EMPTY_SEND_LISTS,
    connection: accessKey,
    region: "us-east-1",
    from: "orders@example.com",
    to: ["jane@example.com"],
    ...params,
  });

describe("Send Templated Email", () => {
  it("sends a stored template with its data, attachments, headers, tags and configuration set", async () => {
    const result = await send({
      templateName: "order-shipped",
      templateData: { name: "Jane", orderId: "A-1001" },
      replyTo: ["help@example.com"],
      attachments: [{ key: "label.pdf", value: Buffer.from("%PDF") }],
      customHeaders: [{ key: "X-Order", value: "A-1001" }],
      messageTags: [{ key: "kind", value: "shipping" }],
      configurationSet: "transactional",
    });
    expect(dataOf(result)).toEqual({ messageId: "tmpl-1", tenant: null });
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input).toEqual({
      FromEmailAddress: "orders@example.com",
      Destination: { ToAddresses: ["jane@example.com"], CcAddresses: [], BccAddresses: [] },
      ReplyToAddresses: ["help@example.com"],
      ConfigurationSetName: "transactional",
      EmailTags: [{ Name: "kind", Value: "shipping" }],
      Content: {
        Template: {
          TemplateName: "order-shipped",
          TemplateData: '{"name":"Jane","orderId":"A-1001"}',
          Attachments: [
            {
              FileName: "label.pdf",
              RawContent: Buffer.from("%PDF"),
              ContentType: "application/pdf",
              ContentDisposition: "ATTACHMENT",
              ContentId: undefined,
              ContentTransferEncoding: "BASE64",
            },
          ],
          Headers: [{ Name: "X-Order", Value: "A-1001" }],
        },
      },
    });
  });

  it("sends inline template content when no stored template is chosen", async () => {
    await send({
      inlineSubject: "Hi {{name}}",
      inlineHtml: "<p>{{name}}</p>",
      templateData: '{"name":"Jo"}',
    });
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input.Content).toEqual({
      Template: {
        TemplateContent: { Subject: "Hi {{name}}", Text: undefined, Html: "<p>{{name}}</p>" },
        TemplateData: '{"name":"Jo"}',
        Attachments: undefined,
        Headers: undefined,
      },
    });
  });

  it.each([
    [
      "both a stored template and inline content",
      { templateName: "t", inlineSubject: "S", inlineText: "x" },
      /either a stored Template or Inline Template content, not both/,
    ],
    ["neither", {}, /Choose a stored Template, or give Inline Template Subject and a body/],
    ["inline content without a subject", { inlineText: "x" }, /^Template Subject is required/],
    [
      "template data with a syntax error",
      { templateName: "t", templateData: '{"a": 1 "b": 2}' },
      /^Template Data is not valid JSON: [^"]* at line 1, column 9$/,
    ],
    [
      "template data that is a string",
      { templateName: "t", templateData: '"x"' },
      /^Template Data must be a JSON object .* not a string\.$/,
    ],
    ["a bad template name", { templateName: "a/b" }, /^Template "a\/b" is not a template name/],
    ["no recipient", { templateName: "t", to: [] }, /at least one recipient/],
  ])("rejects %s before calling AWS", async (_case, params, message) => {
    await expect(send(params)).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
