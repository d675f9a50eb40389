import { parseReceivedEmail } from "../../src/mail/parseReceived";
import { safeFileName, uniqueFileName } from "../../src/mail/safeFileName";
import { receivedMime } from "../helpers/receivedMail";

const FALLBACK = "attachment-1.pdf";

describe("safeFileName", () => {
  it.each([
    ["../../../../etc/cron.d/evil", "evil"],
    ["/var/www/html/shell.php", "shell.php"],
    ["..\\..\\x.exe", "x.exe"],
    ["C:\\Users\\Public\\run.bat", "run.bat"],
    ["report\u0000.pdf", "report.pdf"],
    ["inv\r\nBcc: x@evil.test.pdf", "invBcc_ x@evil.test.pdf"],
    ["invoice_\u202Efdp.exe", "invoice_fdp.exe"],
    ["zero\u200Bwidth\uFEFF.txt", "zerowidth.txt"],
    [".bashrc", "bashrc"],
    ["..", FALLBACK],
    [".", FALLBACK],
    ["", FALLBACK],
    ["   ", FALLBACK],
    ["/", FALLBACK],
    ["CON.txt", "_CON.txt"],
    ["lpt1", "_lpt1"],
    ['a<b>c:"d"|e?f*.pdf', "a_b_c__d__e_f_.pdf"],
    ["trailing. . .", "trailing_"],
    ["Rechnung Größe ✓.pdf", "Rechnung Größe ✓.pdf"],
    // Lookalikes that NFKC folding or Windows' best-fit conversion turn into real separators.
    ["\uFF0F..\uFF0Fetc\uFF0Fpasswd", "passwd"],
    ["\u2215..\u2215x.sh", "x.sh"],
    ["..\uFF3C..\uFF3Cwin.ini", "win.ini"],
    ["a\u2044b\u29F8c.txt", "c.txt"],
    ["\uFF0E\uFF0E\uFF0Fhidden", "hidden"],
    ["line\u2028break\u2029.txt", "linebreak.txt"],
    [`invoice.pdf${" ".repeat(40)}.exe`, "invoice.pdf .exe"],
    ["CONIN$", "_CONIN$"],
    ["conout$.txt", "_conout$.txt"],
  ])("%j -> %j", (untrusted, safe) => {
    expect(safeFileName(untrusted, FALLBACK)).toBe(safe);
  });

  it("caps the length at 150 characters and keeps the extension", () => {
    const name = safeFileName(`${"a".repeat(300)}.pdf`, FALLBACK);
    expect(name).toHaveLength(150);
    expect(name.endsWith("a.pdf")).toBe(true);
    const emoji = safeFileName(`${"📎".repeat(200)}.pdf`, FALLBACK);
    expect(emoji).toBe(`${"📎".repeat(62)}.pdf`); // 62 × 4 + 4 bytes: the most that fits in 255
  });

  it("makes names unique within a mail, whatever their case", () => {
    const taken = new Set<string>();
    expect(["a.pdf", "A.pdf", "a.pdf", "b"].map((n) => uniqueFileName(n, taken))).toEqual([
      "a.pdf",
      "A (2).pdf",
      "a (3).pdf",
      "b",
    ]);
  });
});

describe("attachment names of a received mail", () => {
  it("gives each attachment a safe, unique name and keeps the sender's as untrusted", async () => {
    const bytes = Buffer.from("%PDF-1.7");
    const email = await parseReceivedEmail(
      receivedMime({
        attachments: [
          { fileNameHeader: 'filename="../../../../etc/cron.d/evil"', body: bytes },
          { fileNameHeader: 'filename="evil"', body: bytes },
          { fileNameHeader: 'filename="invoice_\u202Efdp.exe"', body: bytes },
          {
            fileNameHeader: "filename*=UTF-8''%2Fvar%2Fwww%2Fhtml%2Fshell.php",
            body: bytes,
          },
        ],
      }),
    );
    expect(email.attachments.map((a) => [a.fileName, a.untrustedOriginalFileName])).toEqual([
      ["evil", "../../../../etc/cron.d/evil"],
      ["evil (2)", "evil"],
      ["invoice_fdp.exe", "invoice_\u202Efdp.exe"],
      ["shell.php", "/var/www/html/shell.php"],
    ]);
  });
});
