import PostalMime from "postal-mime";
import { parseAuthenticationResults, resultFor } from "../../src/mail/authenticationResults";
import { readSesVerdicts, sesHeaderBlock } from "../../src/mail/sesVerdicts";
import { receivedMime, SES_AUTH_RESULTS_PASS, sesTraceHeaders } from "../helpers/receivedMail";

const headersOf = async (raw: Buffer) => (await PostalMime.parse(raw)).headers;
const verdictsOf = async (raw: Buffer) => readSesVerdicts(await headersOf(raw));

describe("SES verdicts from the header block SES prepends", () => {
  it("reads every verdict of a real SES header block, saying where each came from", async () => {
    expect(await verdictsOf(receivedMime({}))).toEqual({
      spam: "PASS",
      virus: "PASS",
      spf: "PASS",
      dkim: "PASS",
      dmarc: "PASS",
      source: {
        spam: "X-SES-Spam-Verdict",
        virus: "X-SES-Virus-Verdict",
        spf: "Authentication-Results",
        dkim: "Authentication-Results",
        dmarc: "Authentication-Results",
      },
    });
  });

  it("reports null, not the sender's copy, when the receipt rule does not scan", async () => {
    const raw = receivedMime({
      sesHeaders: sesTraceHeaders({ scan: false }),
      senderHeaders: ["X-SES-Spam-Verdict: PASS", "X-SES-Virus-Verdict: PASS"],
    });
    const verdicts = await verdictsOf(raw);
    expect(verdicts).toMatchObject({ spam: null, virus: null, spf: "PASS" });
    expect(verdicts.source).toMatchObject({ spam: null, virus: null });
  });

  it("never reads a sender's copy right below SES's block, even a complete one", async () => {
    const forged = sesTraceHeaders({ spam: "PASS", authResults: SES_AUTH_RESULTS_PASS });
    const raw = receivedMime({
      sesHeaders: sesTraceHeaders({
        spam: "FAIL",
        virus: "FAIL",
        authResults: "amazonses.com; spf=fail smtp.mailfrom=x@evil.test; dkim=fail; dmarc=fail;",
      }),
      senderHeaders: forged,
    });
    expect(await verdictsOf(raw)).toMatchObject({
      spam: "FAIL",
      virus: "FAIL",
      spf: "FAIL",
      dkim: "FAIL",
      dmarc: "FAIL",
    });
  });

  it.each([
    [
      "an unquoted HELO name",
      "amazonses.com; spf=fail (spfCheck: x) client-ip=192.0.2.66; envelope-from=a@evil.test; helo=evil.test;dkim=pass;dmarc=pass; dkim=fail header.i=@evil.test; dmarc=fail header.from=victim.example;",
      { dkim: null, dmarc: null },
    ],
    [
      "a quoted local part",
      'amazonses.com; spf=fail smtp.mailfrom="x;dkim=pass;dmarc=pass"@evil.test; dkim=fail header.i=@evil.test; dmarc=fail header.from=victim.example;',
      { dkim: "FAIL", dmarc: "FAIL" },
    ],
    [
      "a comment",
      "amazonses.com; spf=fail (see; dkim=pass; dmarc=pass) smtp.mailfrom=evil.test; dkim=fail; dmarc=fail;",
      { dkim: "FAIL", dmarc: "FAIL" },
    ],
    [
      "a property value after a space",
      "amazonses.com; spf=fail smtp.helo=dkim=pass; dkim=fail; dmarc=fail header.from=x dmarc=pass;",
      { dkim: "FAIL", dmarc: "FAIL" },
    ],
  ])(
    "does not turn SES's dkim=fail / dmarc=fail into PASS through %s",
    async (_case, authResults, expected) => {
      const raw = receivedMime({ sesHeaders: sesTraceHeaders({ authResults }) });
      expect(await verdictsOf(raw)).toMatchObject(expected);
    },
  );

  it("trusts nothing when the top is not SES's block (no Received line of SES's inbound server)", async () => {
    const raw = receivedMime({
      sesHeaders: [
        "X-SES-Spam-Verdict: PASS",
        "X-SES-Virus-Verdict: PASS",
        `Authentication-Results: ${SES_AUTH_RESULTS_PASS}`,
      ],
    });
    const verdicts = await verdictsOf(raw);
    expect(verdicts).toMatchObject({ spam: null, virus: null, spf: null, dkim: null, dmarc: null });
    expect(Object.values(verdicts.source)).toEqual([null, null, null, null, null]);
  });

  it("does not trust Authentication-Results from another server, but keeps SES's Received-SPF", async () => {
    const raw = receivedMime({
      sesHeaders: sesTraceHeaders({ authResults: "mx.evil.test; spf=pass; dkim=pass; dmarc=pass" }),
    });
    expect(await verdictsOf(raw)).toMatchObject({
      spf: "PASS",
      dkim: null,
      dmarc: null,
      source: { spf: "Received-SPF", dkim: null },
    });
  });

  it("ends SES's block where SES's order breaks", async () => {
    const block = sesHeaderBlock(await headersOf(receivedMime({})));
    expect([...block.keys()]).toEqual([
      "return-path",
      "received",
      "x-ses-spam-verdict",
      "x-ses-virus-verdict",
      "received-spf",
      "authentication-results",
      "x-ses-receipt",
      "x-ses-dkim-signature",
    ]);
  });
});

describe("Authentication-Results (RFC 8601)", () => {
  it("takes method=result only at the start of each resinfo", () => {
    const parsed = parseAuthenticationResults(
      'amazonses.com 1; spf=pass (a; dkim=fail) smtp.mailfrom="b;c"@x.test; dkim/1=neutral header.d=x.test; arc=none',
    );
    expect(parsed).toEqual({
      authservId: "amazonses.com",
      results: [
        { method: "spf", result: "PASS" },
        { method: "dkim", result: "NEUTRAL" },
        { method: "arc", result: "NONE" },
      ],
    });
  });

  it("gives one result per method, or null when the header contradicts itself", () => {
    const twice = parseAuthenticationResults(
      "a.test; dkim=pass; dkim=pass header.i=@x; dmarc=pass; dmarc=fail",
    );
    expect(resultFor(twice, "dkim")).toBe("PASS");
    expect(resultFor(twice, "dmarc")).toBeNull();
    expect(resultFor(twice, "spf")).toBeNull();
  });
});
