import { createHash } from "node:crypto";
import {
  GetAccountCommand,
  SESv2Client,
  SendBulkEmailCommand,
  SendEmailCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { tenantNameForCustomer } from "../../src/values/tenantName";
import { accessKey, dataOf, EMPTY_SEND_LISTS, harness, inputsOf } from "../helpers/component";

// Issue 30: every send can name an SES tenant, or take the instance's customer's.
const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: "m-1" });
  ses.on(GetAccountCommand).resolves({ SendQuota: { MaxSendRate: 1000 } });
  ses.on(SendBulkEmailCommand).callsFake((input) => ({
    BulkEmailEntryResults: input.BulkEmailEntries.map(() => ({
      Status: "SUCCESS",
      MessageId: "b",
    })),
  }));
});

const customer = (externalId: string | null) => ({
  customer: { id: "Q3VzdG9tZXI6MQ==", name: "Acme", externalId },
});
const common = { connection: accessKey, region: "us-east-1", from: "billing@example.com" };
const sendEmail = (params: Record<string, unknown>, context = {}) =>
  harness.action(
    "sendEmail",
    {
      ...common,
      ...EMPTY_SEND_LISTS,
      to: ["jane@example.org"],
      subject: "Hi",
      textBody: "Hi",
      ...params,
    },
    context,
  );

describe("sending under an SES tenant", () => {
  it("names the tenant in SendEmail, Send Templated Email and Send Raw Email, and in the output", async () => {
    expect(dataOf(await sendEmail({ tenantName: "acme-corp" }))).toEqual({
      messageId: "m-1",
      tenant: "acme-corp",
    });
    await harness.action("sendTemplatedEmail", {
      ...common,
      ...EMPTY_SEND_LISTS,
      to: ["jane@example.org"],
      templateName: "invoice",
      templateData: "{}",
      tenantName: "acme-corp",
    });
    await harness.action("sendRawEmail", {
      ...common,
      to: [],
      cc: [],
      bcc: [],
      messageTags: [],
      rawMessage: "From: billing@example.com\r\nTo: jane@example.org\r\nSubject: x\r\n\r\nhi",
      tenantName: "acme-corp",
    });
    expect(inputsOf(ses, SendEmailCommand).map((input) => input.TenantName)).toEqual([
      "acme-corp",
      "acme-corp",
      "acme-corp",
    ]);
    // Without a tenant the request has none, as before.
    await sendEmail({});
    expect(inputsOf(ses, SendEmailCommand)[3].TenantName).toBeUndefined();
  });

  it("takes the instance's customer's tenant: its external ID, or a valid name made from it", async () => {
    await sendEmail({ tenantFromCustomer: true }, customer("acme-corp"));
    await sendEmail({ tenantFromCustomer: true }, customer("Acme Corp. (EU)"));
    const hash = createHash("sha256").update("Acme Corp. (EU)").digest("hex").slice(0, 8);
    expect(inputsOf(ses, SendEmailCommand).map((input) => input.TenantName)).toEqual([
      "acme-corp",
      `Acme-Corp-EU-${hash}`,
    ]);
    // Every external ID gets a name SES takes, and different ones never share it.
    const names = ["a".repeat(200), "ü", "x y", "x-y", "x_y", "x/y", "x\\y", "  padded  "].map(
      tenantNameForCustomer,
    );
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it("refuses a bad tenant name, both inputs at once, or a customer without an external ID, before any call", async () => {
    await expect(sendEmail({ tenantName: "acme corp!" })).rejects.toThrow(/not a tenant name/);
    await expect(
      sendEmail({ tenantName: "acme-corp", tenantFromCustomer: true }, customer("acme-corp")),
    ).rejects.toThrow(/not both/);
    await expect(sendEmail({ tenantFromCustomer: true }, customer(null))).rejects.toThrow(
      /has no external ID/,
    );
    expect(inputsOf(ses, SendEmailCommand)).toEqual([]);
  });

  it("keeps a bulk send's tenant on every resumed run, and refuses a resume under another", async () => {
    const destinations = Array.from({ length: 120 }, (_, i) => ({ to: `u${i}@example.com` }));
    const bulk = (params: Record<string, unknown>, context = {}) =>
      harness.action(
        "sendBulkTemplatedEmail",
        {
          ...common,
          replyTo: [],
          messageTags: [],
          customHeaders: [],
          templateName: "newsletter",
          destinations,
          timeBudgetSeconds: "5",
          ...params,
        },
        context,
      );
    // A send rate of 20/s and a 5 s budget: the first run stops with a cursor.
    const first = dataOf<{ resumeCursor: string | null; tenant: string | null }>(
      await bulk({ tenantFromCustomer: true, maxSendRate: "20" }, customer("acme-corp")),
    );
    expect(first.tenant).toBe("acme-corp");
    expect(first.resumeCursor).not.toBeNull();
    const callsBefore = inputsOf(ses, SendBulkEmailCommand).length;
    await expect(
      bulk({ tenantName: "other-tenant", resumeCursor: first.resumeCursor, maxSendRate: "1000" }),
    ).rejects.toThrow(/under tenant acme-corp, but this run is under tenant other-tenant/);
    await expect(bulk({ resumeCursor: first.resumeCursor, maxSendRate: "1000" })).rejects.toThrow(
      /but this run is under no tenant/,
    );
    expect(inputsOf(ses, SendBulkEmailCommand)).toHaveLength(callsBefore);
    const second = dataOf<{ complete: boolean; tenant: string | null }>(
      await bulk(
        { tenantFromCustomer: true, resumeCursor: first.resumeCursor, maxSendRate: "1000" },
        customer("acme-corp"),
      ),
    );
    expect(second).toMatchObject({ complete: true, tenant: "acme-corp" });
    const tenants = new Set(inputsOf(ses, SendBulkEmailCommand).map((input) => input.TenantName));
    expect(tenants).toEqual(new Set(["acme-corp"]));
  }, 20_000);
});
