import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReceivedEmail, type ReceivedAttachment } from "../../src/mail/parseReceived";
import { safeFileName } from "../../src/mail/safeFileName";
import { type ReferenceLeaf, referenceLeaves } from "../helpers/mimeReference";
import { hasPython3 } from "../helpers/python";

// Real messages from public test suites (see test/fixtures/mail-corpus/SOURCES.md), each as
// stored and with every line break made CRLF, as SMTP delivers mail and SES stores it.
const CORPUS = join(__dirname, "..", "fixtures", "mail-corpus");
const FILES = readdirSync(CORPUS, { recursive: true })
  .map(String)
  .filter((file) => /\.(txt|raw|eml)$/.test(file))
  .sort();

const withCrlf = (raw: Buffer) =>
  Buffer.from(raw.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");

const CASES: [string, Buffer][] = FILES.flatMap((file) => {
  const raw = readFileSync(join(CORPUS, file));
  return [
    [`${file} (as stored)`, raw],
    [`${file} (CRLF)`, withCrlf(raw)],
  ] as [string, Buffer][];
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The documented rule: text/plain and text/html are the body unless declared attachments. */
const isAttachment = (type: string, disposition: string | null) =>
  disposition === "attachment" || (type !== "text/plain" && type !== "text/html");

const ours = (attachment: ReceivedAttachment) => ({
  sha256: sha256(attachment.file.data),
  size: attachment.size,
  contentType: attachment.contentType,
  name: attachment.untrustedOriginalFileName,
});
const theirs = (leaf: ReferenceLeaf) => ({
  sha256: sha256(leaf.bytes),
  size: leaf.bytes.length,
  contentType: leaf.contentType,
  name: leaf.fileName,
});

describe("received mail corpus: every attachment exactly as the sender encoded it", () => {
  it("holds the cases real mail brings", async () => {
    const all = await Promise.all(CASES.map(([, raw]) => parseReceivedEmail(raw)));
    const types = new Set(all.flatMap((email) => email.attachments.map((a) => a.contentType)));
    for (const type of [
      "text/calendar",
      "application/ics",
      "message/rfc822",
      "message/delivery-status",
      "application/pgp-signature",
      "image/gif",
      "image/jpeg",
    ]) {
      expect(types).toContain(type);
    }
    const names = all.flatMap((email) => email.attachments.map((a) => a.untrustedOriginalFileName));
    expect(names).toEqual(expect.arrayContaining(["Frösche.doc", "管理.doc"]));
  });

  // mailsplit decodes base64 past its padding: here the broken closing delimiter and the
  // epilogue after it, read as base64, become bytes of test.html. RFC 2045 §6.8, Python and
  // Node stop at the padding, as the component does; the Python comparison covers this file.
  const mailsplitReadsPastPadding = "enmime/mail_epilogue-sample.raw";
  it.each(CASES.filter(([name]) => !name.startsWith(mailsplitReadsPastPadding)))(
    "%s: bytes, type and name as mailsplit decodes them",
    async (_, raw) => {
      const email = await parseReceivedEmail(raw);
      const reference = (await referenceLeaves(raw)).filter((leaf) =>
        isAttachment(leaf.contentType, leaf.disposition),
      );
      // mailsplit drops the body of a multipart whose boundary parameter is broken (msg_25);
      // the component keeps it as a file, and Python agrees on its bytes (below).
      const kept = email.attachments.filter((a) => !a.contentType.startsWith("multipart/"));
      expect(kept.map(ours)).toEqual(reference.map(theirs));
      for (const attachment of email.attachments) {
        const name = attachment.untrustedOriginalFileName;
        if (name)
          expect(attachment.fileName).toMatch(safeFileName(name, "").replace(/\.[^.]*$/, ""));
        else expect(attachment.fileName).toMatch(/^attachment-\d+\.[a-z0-9]+$/);
      }
    },
  );

  // One boundary re-used at three nesting levels (illegal, RFC 2046 §5.1.1) has no single
  // reading: Python nests it differently; postal-mime (which reads the text) and mailsplit
  // read it as the component does, and the mailsplit comparison above covers it.
  const pythonReadsDifferently = new Set(["cpython/msg_39.txt"]);
  (hasPython3 ? it : it.skip)(
    "Python's email package decodes the same bytes (third opinion)",
    async () => {
      const out = execFileSync(
        "python3",
        [
          join(__dirname, "..", "helpers", "mimeReference.py"),
          ...FILES.map((f) => join(CORPUS, f)),
        ],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const leaves: Record<
        string,
        { type: string; disposition: string | null; sha256: string | null }[]
      > = JSON.parse(out);
      for (const file of FILES.filter((f) => !pythonReadsDifferently.has(f))) {
        const raw = readFileSync(join(CORPUS, file));
        for (const [variant, bytes] of [
          ["stored", raw],
          ["crlf", withCrlf(raw)],
        ] as const) {
          const email = await parseReceivedEmail(bytes);
          const expected = leaves[`${join(CORPUS, file)}|${variant}`]
            .filter((leaf) => leaf.sha256 !== null && isAttachment(leaf.type, leaf.disposition))
            .map((leaf) => leaf.sha256);
          const actual = email.attachments
            .filter((a) => !a.contentType.startsWith("message/"))
            .map((a) => sha256(a.file.data));
          expect({ file, variant, sha256: actual }).toEqual({ file, variant, sha256: expected });
        }
      }
    },
  );
});
