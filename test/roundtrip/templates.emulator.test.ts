import { accessKey, dataOf, harness } from "../helpers/component";
import { startSesEmulator } from "../helpers/sesEmulator";

let emulator: Awaited<ReturnType<typeof startSesEmulator>>;

// The emulator answers GetAccount with this account (its AWS_SES_ACCOUNT setting).
const ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: "EN",
    MailType: "TRANSACTIONAL",
    ReviewDetails: { CaseId: "case-1", Status: "GRANTED" },
    UseCaseDescription: "Order notifications",
    WebsiteURL: "https://example.com",
  },
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 400, SentLast24Hours: 100 },
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
};

beforeAll(async () => {
  process.env.AWS_SES_ACCOUNT = JSON.stringify(ACCOUNT);
  emulator = await startSesEmulator();
});
afterAll(async () => {
  delete process.env.AWS_SES_ACCOUNT;
  await emulator.close();
});

const run = (key: string, params: Record<string, unknown>) =>
  harness.action(key, {
    connection: accessKey,
    region: "us-east-1",
    endpoint: emulator.url,
    ...params,
  });
const noLists = {
  cc: [],
  bcc: [],
  replyTo: [],
  attachments: [],
  inlineImages: [],
  messageTags: [],
  customHeaders: [],
};

describe("templates and templated sending against the local SES v2 emulator", () => {
  it("creates, reads, updates, lists, renders, sends with, bulk-sends with and deletes a template", async () => {
    await run("createTemplate", {
      templateName: "order-shipped",
      subject: "Order {{orderId}} shipped",
      textBody: "Hi {{name}}, order {{orderId}} is on its way.",
      htmlBody: "<p>Hi {{name}}</p>",
    });
    expect(dataOf(await run("getTemplate", { templateName: "order-shipped" }))).toEqual({
      templateName: "order-shipped",
      subject: "Order {{orderId}} shipped",
      textBody: "Hi {{name}}, order {{orderId}} is on its way.",
      htmlBody: "<p>Hi {{name}}</p>",
    });

    await run("updateTemplate", {
      templateName: "order-shipped",
      subject: "Your order {{orderId}} has shipped",
      textBody: "Hi {{name}}, order {{orderId}} left today.",
      htmlBody: "<p>Hi {{name}}, order {{orderId}} left today.</p>",
    });
    const listed = dataOf<{ templates: { templateName: string }[] }>(
      await run("listTemplates", { fetchAll: "true" }),
    );
    expect(listed.templates.map((t) => t.templateName)).toContain("order-shipped");

    const rendered = dataOf<{ subject: string; textBody: string }>(
      await run("testRenderTemplate", {
        templateName: "order-shipped",
        templateData: { name: "Jane", orderId: "A-1" },
      }),
    );
    expect(rendered.subject).toBe("Your order A-1 has shipped");
    expect(rendered.textBody).toContain("Hi Jane, order A-1 left today.");

    // (The emulator's clear-store would delete templates too, so stored mail is filtered instead.)
    const single = dataOf<{ messageId: string }>(
      await run("sendTemplatedEmail", {
        ...noLists,
        from: "orders@example.com",
        to: ["jane@example.com"],
        templateName: "order-shipped",
        templateData: '{"name": "Jane", "orderId": "A-2"}',
      }),
    );
    const stored = (await emulator.emails()).find((email) => email.messageId === single.messageId);
    expect(stored?.subject).toBe("Your order A-2 has shipped");
    expect(stored?.destination.to).toEqual(["jane@example.com"]);

    const destinations = Array.from({ length: 120 }, (_, i) => ({
      to: `customer${i}@example.com`,
      templateData: { name: `Customer ${i}`, orderId: `B-${i}` },
    }));
    const bulk = dataOf<{
      total: number;
      succeeded: number;
      maxSendRate: number;
      results: { messageId: string }[];
    }>(
      await run("sendBulkTemplatedEmail", {
        from: "orders@example.com",
        replyTo: [],
        messageTags: [],
        customHeaders: [],
        templateName: "order-shipped",
        defaultTemplateData: '{"name": "customer"}',
        destinations,
      }),
    );
    // The rate came from the emulator's GetAccount.
    expect(bulk).toMatchObject({ total: 120, succeeded: 120, maxSendRate: 400 });
    const emails = (await emulator.emails()).filter((e) =>
      e.destination.to[0]?.startsWith("customer"),
    );
    expect(emails).toHaveLength(120);
    const subjects = new Map(emails.map((email) => [email.destination.to[0], email.subject]));
    for (let i = 0; i < 120; i++)
      expect(subjects.get(`customer${i}@example.com`)).toBe(`Your order B-${i} has shipped`);
    expect(new Set(bulk.results.map((r) => r.messageId)).size).toBe(120);

    await run("deleteTemplate", { templateName: "order-shipped" });
    await expect(run("getTemplate", { templateName: "order-shipped" })).rejects.toThrow(
      /^SES found no such resource in this region/,
    );
  });

  it("sends inline template content and a raw MIME message", async () => {
    const inline = dataOf<{ messageId: string }>(
      await run("sendTemplatedEmail", {
        ...noLists,
        from: "a@example.com",
        to: ["b@example.com"],
        inlineSubject: "Hello {{name}}",
        inlineText: "Hi {{name}}",
        templateData: { name: "Bo" },
      }),
    );
    const raw = dataOf<{ messageId: string }>(
      await run("sendRawEmail", {
        to: [],
        cc: [],
        bcc: [],
        messageTags: [],
        rawMessage:
          "From: a@example.com\r\nTo: c@example.com\r\nSubject: Raw one\r\n\r\nRaw body\r\n",
      }),
    );
    const emails = await emulator.emails();
    expect(emails.find((e) => e.messageId === inline.messageId)?.subject).toBe("Hello Bo");
    expect(emails.find((e) => e.messageId === raw.messageId)?.subject).toBe("Raw one");
  });

  it("reads the account status", async () => {
    expect(dataOf(await run("getAccount", {}))).toMatchObject({
      productionAccess: true,
      inSandbox: false,
      maxSendRate: 400,
      remainingLast24Hours: 49900,
    });
  });
});
