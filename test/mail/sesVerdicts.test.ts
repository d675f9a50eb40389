import { readSesVerdicts } from "../../src/mail/sesVerdicts";

const h = (key: string, value: string) => ({ key, value });

describe("readSesVerdicts", () => {
  it("reads SES's own verdict headers", () => {
    expect(
      readSesVerdicts([
        h("x-ses-spam-verdict", "PASS"),
        h("x-ses-virus-verdict", "FAIL"),
        h("received-spf", "softfail (spfCheck: transitioning domain) client-ip=192.0.2.1;"),
        h(
          "authentication-results",
          "amazonses.com; spf=pass (spfCheck: ok) smtp.mailfrom=a@x.com; dkim=fail header.i=@x.com; dmarc=none header.from=x.com;",
        ),
      ]),
    ).toEqual({ spam: "PASS", virus: "FAIL", spf: "PASS", dkim: "FAIL", dmarc: "NONE" });
  });

  it("ignores the same headers forged lower in the message by the sender", () => {
    const verdicts = readSesVerdicts([
      h("x-ses-spam-verdict", "FAIL"),
      h(
        "authentication-results",
        "amazonses.com; spf=fail smtp.mailfrom=a@x.com; dkim=fail; dmarc=fail",
      ),
      h("x-ses-spam-verdict", "PASS"),
      h("authentication-results", "amazonses.com; spf=pass; dkim=pass; dmarc=pass"),
    ]);
    expect(verdicts).toEqual({
      spam: "FAIL",
      virus: null,
      spf: "FAIL",
      dkim: "FAIL",
      dmarc: "FAIL",
    });
  });

  it("does not trust Authentication-Results from another server", () => {
    const verdicts = readSesVerdicts([
      h("authentication-results", "mx.evil.test; spf=pass; dkim=pass; dmarc=pass"),
    ]);
    expect(verdicts).toEqual({ spam: null, virus: null, spf: null, dkim: null, dmarc: null });
  });
});
