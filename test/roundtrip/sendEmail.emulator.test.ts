import { createHash, randomBytes } from "node:crypto";
import { accessKey, dataOf, EMPTY_SEND_LISTS, harness } from "../helpers/component";
import { startSesEmulator } from "../helpers/sesEmulator";

let emulator: Awaited<ReturnType<typeof startSesEmulator>>;
beforeAll(async () => {
  emulator = await startSesEmulator();
});
afterAll(() => emulator.close());

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("Send Email against the local SES v2 emulator", () => {
  it("delivers the message with its attachment and inline image byte for byte", async () => {
    const pdf = randomBytes(300 * 1024);
    const png = randomBytes(2048);
    const result = await harness.action("sendEmail", {
      ...EMPTY_SEND_LISTS,
      connection: accessKey,
      region: "us-east-1",
      endpoint: emulator.url,
      from: "billing@example.com",
      fromName: "Acme Billing",
      to: ["Jane Doe <jane@example.com>"],
      cc: ["cc@example.com"],
      replyTo: ["support@example.com"],
      subject: "Invoice 42 — déjà vu",
      textBody: "Your invoice is attached.",
      htmlBody: '<p>Your invoice is attached.</p><img src="cid:logo.png">',
      attachments: [
        { key: "invoice-42.pdf", value: { data: pdf, contentType: "application/pdf" } },
      ],
      inlineImages: [{ key: "logo.png", value: png }],
      customHeaders: [{ key: "X-Invoice-Id", value: "42" }],
    });
    const messageId = dataOf<{ messageId: string }>(result).messageId;
    expect(messageId).toMatch(/\S+/);

    const stored = (await emulator.emails()).find((email) => email.messageId === messageId);
    expect(stored).toBeDefined();
    expect(stored?.from).toBe('"Acme Billing" <billing@example.com>');
    expect(stored?.destination).toEqual({
      to: ['"Jane Doe" <jane@example.com>'],
      cc: ["cc@example.com"],
      bcc: [],
    });
    expect(stored?.replyTo).toEqual(["support@example.com"]);
    expect(stored?.subject).toBe("Invoice 42 — déjà vu");
    expect(stored?.headers).toEqual([{ name: "X-Invoice-Id", value: "42" }]);

    const files = stored?.attachments ?? [];
    expect(files.map((file) => [file.filename, file.contentType, file.size])).toEqual([
      ["invoice-42.pdf", "application/pdf", pdf.length],
      ["logo.png", "image/png", png.length],
    ]);
    expect(sha256(Buffer.from(files[0].content, "base64"))).toBe(sha256(pdf));
    expect(sha256(Buffer.from(files[1].content, "base64"))).toBe(sha256(png));
    expect(files[1]).toMatchObject({ contentDisposition: "INLINE", contentId: "logo.png" });
  });
});
