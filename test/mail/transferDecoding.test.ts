import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { decodeBase64, decodeQuotedPrintable } from "../../src/mail/transferDecoding";
import { hasPython3 } from "../helpers/python";

describe("decodeBase64", () => {
  it("gives Node's bytes for every length, however the text is wrapped", () => {
    for (let length = 0; length < 200; length++) {
      const data = randomBytes(length);
      const text = data.toString("base64");
      for (const wrapped of [
        text,
        text.replace(/.{76}/g, "$&\r\n"),
        text.replace(/.{7}/g, "$& \t\n"),
        text.replace(/=+$/, ""),
      ]) {
        expect(decodeBase64(Buffer.from(wrapped, "latin1")).equals(data)).toBe(true);
      }
    }
  });

  it("ends at the padding (RFC 2045 §6.8): what follows is not data", () => {
    expect(decodeBase64(Buffer.from("YQ==YWJj")).toString()).toBe("a");
    expect(
      decodeBase64(Buffer.from("PGh0bWw+Cg==\r\n--b-->\r\nPotentially malicious")).toString(),
    ).toBe("<html>\n");
  });

  it("skips characters outside the alphabet and drops a lone trailing character", () => {
    expect(decodeBase64(Buffer.from("Y*W!J\u0000j")).toString()).toBe("abc");
    expect(decodeBase64(Buffer.from("YWJjZ")).toString()).toBe("abc");
  });
});

// Tricky quoted-printable bodies, decoded by Python's binascii.a2b_qp as the reference.
const QP_CASES = [
  "a=3Db\r\nc=\r\nd",
  "soft break with LF=\nnext",
  "lower-case hex =c3=a9 and upper =C3=A9",
  "broken escapes =G1 =4 = end",
  "= at the very end=",
  "trailing spaces kept   \r\nline\t\r\n",
  "bare CR\rinside and =0D=0A encoded",
  "",
];

describe("decodeQuotedPrintable", () => {
  it("takes '=' with transport padding before the line break as a soft break (RFC 2045 §6.7 rule 3)", () => {
    // Python's a2b_qp keeps "= \t" literally here; the RFC says the padding was added in transit.
    expect(decodeQuotedPrintable(Buffer.from("padded= \t\r\nnext")).toString()).toBe("paddednext");
  });

  (hasPython3 ? it : it.skip)("decodes tricky bodies as Python's binascii.a2b_qp does", () => {
    const script =
      "import binascii,json,sys\nprint(json.dumps([binascii.a2b_qp(t.encode('latin1')).hex() for t in json.load(sys.stdin)]))";
    const expected = JSON.parse(
      execFileSync("python3", ["-c", script], { input: JSON.stringify(QP_CASES) }).toString(),
    );
    expect(
      QP_CASES.map((text) => decodeQuotedPrintable(Buffer.from(text, "latin1")).toString("hex")),
    ).toEqual(expected);
  });
});
