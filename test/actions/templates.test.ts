import {
  CreateEmailTemplateCommand,
  DeleteEmailTemplateCommand,
  GetEmailTemplateCommand,
  ListEmailTemplatesCommand,
  SESv2Client,
  TestRenderEmailTemplateCommand,
  UpdateEmailTemplateCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());

const base = { connection: accessKey, region: "us-east-1" };
const content = {
  subject: "Order {{orderId}} shipped",
  textBody: "Hi {{name}}",
  htmlBody: "<p>Hi {{name}}</p>",
};

describe("template actions", () => {
  it("Create Template sends the name and content and returns them", async () => {
    ses.on(CreateEmailTemplateCommand).resolves({});
    const result = await harness.action("createTemplate", {
      ...base,
      templateName: "order-shipped",
      ...content,
    });
    expect(ses.commandCalls(CreateEmailTemplateCommand)[0].args[0].input).toEqual({
      TemplateName: "order-shipped",
      TemplateContent: {
        Subject: "Order {{orderId}} shipped",
        Text: "Hi {{name}}",
        Html: "<p>Hi {{name}}</p>",
      },
    });
    expect(dataOf(result)).toEqual({
      templateName: "order-shipped",
      subject: "Order {{orderId}} shipped",
      textBody: "Hi {{name}}",
      htmlBody: "<p>Hi {{name}}</p>",
    });
  });

  it("Update Template replaces the content; a part left empty is removed", async () => {
    ses.on(UpdateEmailTemplateCommand).resolves({});
    const result = await harness.action("updateTemplate", {
      ...base,
      templateName: "order-shipped",
      subject: "New subject",
      textBody: "Only text now",
      htmlBody: "",
    });
    expect(ses.commandCalls(UpdateEmailTemplateCommand)[0].args[0].input).toEqual({
      TemplateName: "order-shipped",
      TemplateContent: { Subject: "New subject", Text: "Only text now", Html: undefined },
    });
    expect(dataOf<{ htmlBody: unknown }>(result).htmlBody).toBeNull();
  });

  it("Get Template returns our shape of SES's answer", async () => {
    ses.on(GetEmailTemplateCommand, { TemplateName: "order-shipped" }).resolves({
      TemplateName: "order-shipped",
      TemplateContent: { Subject: "S", Html: "<b>H</b>" },
    });
    const result = await harness.action("getTemplate", { ...base, templateName: "order-shipped" });
    expect(dataOf(result)).toEqual({
      templateName: "order-shipped",
      subject: "S",
      textBody: null,
      htmlBody: "<b>H</b>",
    });
  });

  it("Delete Template deletes by name", async () => {
    ses.on(DeleteEmailTemplateCommand).resolves({});
    const result = await harness.action("deleteTemplate", { ...base, templateName: "old_one" });
    expect(ses.commandCalls(DeleteEmailTemplateCommand)[0].args[0].input).toEqual({
      TemplateName: "old_one",
    });
    expect(dataOf(result)).toEqual({ templateName: "old_one", deleted: true });
  });

  it("List Templates pages, or follows every page with Fetch All Pages", async () => {
    const created = new Date("2026-11-02T09:14:03Z");
    const sent: unknown[] = [];
    ses.on(ListEmailTemplatesCommand).callsFake((input) => {
      sent.push({ ...input });
      return input.NextToken === "t2"
        ? { TemplatesMetadata: [{ TemplateName: "b", CreatedTimestamp: created }] }
        : {
            TemplatesMetadata: [{ TemplateName: "a", CreatedTimestamp: created }],
            NextToken: "t2",
          };
    });
    const page = await harness.action("listTemplates", { ...base, pageSize: "5" });
    expect(dataOf(page)).toEqual({
      templates: [{ templateName: "a", createdAt: "2026-11-02T09:14:03.000Z" }],
      nextToken: "t2",
    });
    const all = await harness.action("listTemplates", { ...base, fetchAll: "true" });
    expect(
      dataOf<{ templates: { templateName: string }[] }>(all).templates.map((t) => t.templateName),
    ).toEqual(["a", "b"]);
    expect(sent).toEqual([
      { PageSize: 5, NextToken: undefined },
      { PageSize: 100 },
      { PageSize: 100, NextToken: "t2" },
    ]);
  });

  it("Test Render Template sends the data as JSON and parses SES's rendered MIME into parts", async () => {
    const rendered = [
      "Subject: =?UTF-8?Q?Order_A-1001_shipped_=E2=9C=93?=",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Hi Jane",
      "--b1",
      "Content-Type: text/html; charset=UTF-8",
      "",
      "<p>Hi Jane</p>",
      "--b1--",
      "",
    ].join("\r\n");
    ses.on(TestRenderEmailTemplateCommand).resolves({ RenderedTemplate: rendered });
    const result = await harness.action("testRenderTemplate", {
      ...base,
      templateName: "order-shipped",
      templateData: '{ "name": "Jane", "orderId": "A-1001" }',
    });
    expect(ses.commandCalls(TestRenderEmailTemplateCommand)[0].args[0].input).toEqual({
      TemplateName: "order-shipped",
      TemplateData: '{"name":"Jane","orderId":"A-1001"}',
    });
    const parts = dataOf<Record<string, string>>(result);
    expect(parts.subject).toBe("Order A-1001 shipped ✓");
    expect(parts.textBody).toMatch(/^Hi Jane\s*$/);
    expect(parts.htmlBody).toMatch(/^<p>Hi Jane<\/p>\s*$/);
    expect(parts.renderedMime).toBe(rendered);
  });

  it.each([
    [
      "createTemplate",
      { templateName: "has space", ...content },
      /^Template Name "has space" is not a template name/,
    ],
    ["createTemplate", { templateName: "ok", subject: "", textBody: "x" }, /^Subject is required/],
    [
      "createTemplate",
      { templateName: "ok", subject: "S", textBody: "", htmlBody: "" },
      /Text Body, an HTML Body, or both/,
    ],
    [
      "createTemplate",
      { templateName: "ok", subject: "S\r\nBcc: x@evil.test", textBody: "x" },
      /^Subject: .* line break/,
    ],
    [
      "testRenderTemplate",
      { templateName: "t", templateData: '{\n  "name": "Jane",\n}' },
      /^Template Data is not valid JSON: .* at line 3, column 1/,
    ],
    [
      "testRenderTemplate",
      { templateName: "t", templateData: "[1, 2]" },
      /^Template Data must be a JSON object/,
    ],
    ["getTemplate", { templateName: "" }, /^Template "" is not a template name/],
  ])("%s rejects bad input before calling AWS (%#)", async (key, params, message) => {
    await expect(harness.action(key, { ...base, ...params })).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
