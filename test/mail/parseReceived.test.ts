import { parseReceivedEmail } from "../../src/mail/parseReceived";
import { sesTraceHeaders } from "../helpers/receivedMail";

const MIME = [
  ...sesTraceHeaders(),
  "From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>",
  "To: Team: a@example.com, B <b@example.com>;",
  "Reply-To: replies@example.org",
  "Subject: =?UTF-8?B?8J+TjiBPcmRlcg==?=",
  "Date: Mon, 23 Nov 2026 10:00:00 +0100",
  "Message-ID: <m1@example.org>",
  "X-Custom: =?UTF-8?Q?caf=C3=A9?=",
  "MIME-Version: 1.0",
  'Content-Type: multipart/mixed; boundary="b"',
  "",
  "--b",
  "Content-Type: text/plain; charset=windows-1252",
  "Content-Transfer-Encoding: quoted-printable",
  "",
  "=80 5 =93quoted=94 =96 dash",
  "--b",
  "Content-Type: image/png",
  "Content-ID: <logo@x>",
  "Content-Disposition: inline",
  "Content-Transfer-Encoding: base64",
  "",
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]).toString("base64"),
  "--b",
  "Content-Type: application/octet-stream",
  "Content-Transfer-Encoding: base64",
  "",
  Buffer.from([1, 2, 3]).toString("base64"),
  "--b--",
  "",
].join("\r\n");

describe("parseReceivedEmail", () => {
  it("decodes addresses, groups, charsets and encoded words, and keeps attachment bytes exactly", async () => {
    const email = await parseReceivedEmail(Buffer.from(MIME, "latin1"));
    expect(email.from).toEqual({ name: "André", address: "andre@example.org" });
    expect(email.to).toEqual([
      { name: "", address: "a@example.com" },
      { name: "B", address: "b@example.com" },
    ]);
    expect(email.replyTo).toEqual([{ name: "", address: "replies@example.org" }]);
    expect(email.subject).toBe("📎 Order");
    expect(email.date).toBe("2026-11-23T09:00:00.000Z");
    expect(email.messageId).toBe("<m1@example.org>");
    // windows-1252 decodes right whatever Node's TextDecoder does (nodejs/node#60888).
    expect(email.text?.trim()).toBe("€ 5 “quoted” – dash");
    expect(email.headers.find((header) => header.name === "X-Custom")?.value).toBe("café");
    expect(email.sesVerdicts.spam).toBe("PASS");
    expect(
      email.attachments.map((a) => [a.fileName, a.contentType, a.disposition, a.contentId, a.size]),
    ).toEqual([
      ["attachment-1.png", "image/png", "inline", "logo@x", 6],
      ["attachment-2.bin", "application/octet-stream", null, null, 3],
    ]);
    expect(
      email.attachments[0].file.data.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255])),
    ).toBe(true);
    expect(email.attachments[1].file).toEqual({
      data: Buffer.from([1, 2, 3]),
      contentType: "application/octet-stream",
    });
  });

  it("refuses a message nested deeper than the parser's limit instead of recursing", async () => {
    const depth = 60;
    let body = "Content-Type: text/plain\r\n\r\nbottom\r\n";
    for (let i = 0; i < depth; i++) {
      body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
    }
    await expect(
      parseReceivedEmail(Buffer.from(`From: a@example.com\r\n${body}`)),
    ).rejects.toThrow();
  });
});
