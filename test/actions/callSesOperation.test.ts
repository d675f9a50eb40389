import * as sesV1Sdk from "@aws-sdk/client-ses";
import * as sesV2Sdk from "@aws-sdk/client-sesv2";
import { SES_V1_OPERATIONS, SES_V2_OPERATIONS } from "../../src/aws/sesOperations";
import { accessKey, dataOf, harness, TEST_KEY_ID } from "../helpers/component";
import { signingKeyId, startFakeAwsEndpoint } from "../helpers/fakeAwsEndpoint";
import { startSesEmulator } from "../helpers/sesEmulator";

/** Call SES Operation through the real SDK (the full bundles it loads) against local endpoints. */
const call = async (operation: string, input: unknown, endpoint: string) =>
  dataOf<{
    api: string;
    operation: string;
    requestId: string | null;
    output: Record<string, unknown>;
  }>(
    await harness.action("callSesOperation", {
      connection: accessKey,
      region: "eu-west-1",
      operation,
      input,
      endpoint,
    }),
  );

const commandsOf = (sdk: object) =>
  Object.keys(sdk)
    .filter((name) => /^[A-Z]\w*Command$/.test(name))
    .map((name) => name.replace(/Command$/, ""))
    .sort();

describe("Call SES Operation", () => {
  it("offers exactly the operations of the installed SDK (run scripts/ses-operations.js after an upgrade)", () => {
    expect([...SES_V2_OPERATIONS]).toEqual(commandsOf(sesV2Sdk));
    expect([...SES_V1_OPERATIONS]).toEqual(commandsOf(sesV1Sdk));
    expect(SES_V2_OPERATIONS).toContain("PutEmailIdentityMailFromAttributes");
    expect(SES_V1_OPERATIONS).toContain("SendBounce");
  });

  it("sends a v2 operation as the SDK serializes it, signed with the connection, and returns its output", async () => {
    const endpoint = await startFakeAwsEndpoint(() => ({ status: 200, body: {} }));
    try {
      const result = await call(
        "sesv2:PutEmailIdentityMailFromAttributes",
        JSON.stringify({
          EmailIdentity: "example.com",
          MailFromDomain: "mail.example.com",
          BehaviorOnMxFailure: "REJECT_MESSAGE",
        }),
        endpoint.url,
      );
      expect(endpoint.requests).toHaveLength(1);
      const [request] = endpoint.requests;
      expect(request.method).toBe("PUT");
      expect(request.url).toBe("/v2/email/identities/example.com/mail-from");
      expect(JSON.parse(request.body)).toEqual({
        MailFromDomain: "mail.example.com",
        BehaviorOnMxFailure: "REJECT_MESSAGE",
      });
      expect(signingKeyId(request)).toBe(TEST_KEY_ID);
      expect(result).toEqual({
        api: "sesv2",
        operation: "PutEmailIdentityMailFromAttributes",
        requestId: null,
        output: {},
      });
    } finally {
      await endpoint.close();
    }
  });

  it("takes ISO 8601 strings for timestamps and returns dates as ISO strings", async () => {
    const endpoint = await startFakeAwsEndpoint(() => ({
      status: 200,
      body: {
        SuppressedDestinationSummaries: [
          { EmailAddress: "gone@example.com", Reason: "BOUNCE", LastUpdateTime: 1795000000 },
        ],
      },
    }));
    try {
      const result = await call(
        "sesv2:ListSuppressedDestinations",
        { StartDate: "2026-11-01T00:00:00Z", Reasons: ["BOUNCE"] },
        endpoint.url,
      );
      const query = new URL(endpoint.requests[0].url, "http://x").searchParams;
      expect(new Date(String(query.get("StartDate"))).toISOString()).toBe(
        "2026-11-01T00:00:00.000Z",
      );
      expect(query.getAll("Reason")).toEqual(["BOUNCE"]);
      expect(result.output).toEqual({
        SuppressedDestinationSummaries: [
          {
            EmailAddress: "gone@example.com",
            Reason: "BOUNCE",
            LastUpdateTime: new Date(1795000000 * 1000).toISOString(),
          },
        ],
      });
    } finally {
      await endpoint.close();
    }
  });

  it("sends a v1 operation (query protocol) and parses its XML output", async () => {
    const endpoint = await startFakeAwsEndpoint(() => ({
      status: 200,
      headers: { "content-type": "text/xml", "x-amzn-requestid": "req-1" },
      body: '<SendBounceResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendBounceResult><MessageId>bounce-1</MessageId></SendBounceResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></SendBounceResponse>',
    }));
    try {
      const result = await call(
        "ses:SendBounce",
        {
          OriginalMessageId: "orig-1",
          BounceSender: "mailer@example.com",
          BouncedRecipientInfoList: [
            { Recipient: "nobody@example.com", BounceType: "DoesNotExist" },
          ],
        },
        endpoint.url,
      );
      const form = new URLSearchParams(endpoint.requests[0].body);
      expect(form.get("Action")).toBe("SendBounce");
      expect(form.get("OriginalMessageId")).toBe("orig-1");
      expect(form.get("BouncedRecipientInfoList.member.1.Recipient")).toBe("nobody@example.com");
      expect(form.get("BouncedRecipientInfoList.member.1.BounceType")).toBe("DoesNotExist");
      expect(result).toEqual({
        api: "ses",
        operation: "SendBounce",
        requestId: "req-1",
        output: { MessageId: "bounce-1" },
      });
    } finally {
      await endpoint.close();
    }
  });

  it("sends mail through the SES emulator with a v2 and a v1 operation", async () => {
    const ses = await startSesEmulator();
    try {
      await ses.clear();
      await call(
        "sesv2:SendEmail",
        {
          FromEmailAddress: "a@example.com",
          Destination: { ToAddresses: ["v2@example.com"] },
          Content: { Simple: { Subject: { Data: "Via v2" }, Body: { Text: { Data: "2" } } } },
        },
        ses.url,
      );
      const v1 = await call(
        "ses:SendEmail",
        {
          Source: "a@example.com",
          Destination: { ToAddresses: ["v1@example.com"] },
          Message: { Subject: { Data: "Via v1" }, Body: { Text: { Data: "1" } } },
        },
        ses.url,
      );
      expect(typeof (v1.output as { MessageId?: string }).MessageId).toBe("string");
      const subjects = (await ses.emails()).map((email) => email.subject).sort();
      expect(subjects).toEqual(["Via v1", "Via v2"]);
    } finally {
      await ses.close();
    }
  });

  it("sends a base64 blob as bytes (SendRawEmail through the emulator)", async () => {
    const ses = await startSesEmulator();
    try {
      await ses.clear();
      const mime =
        "From: a@example.com\r\nTo: raw@example.com\r\nSubject: Raw via base64\r\n\r\nhi\r\n";
      await call(
        "sesv2:SendEmail",
        { Content: { Raw: { Data: Buffer.from(mime).toString("base64") } } },
        ses.url,
      );
      expect((await ses.emails()).map((email) => email.subject)).toEqual(["Raw via base64"]);
    } finally {
      await ses.close();
    }
  });

  it.each([
    [
      "sesv2:PutEmailIdentityMailFromAttributes",
      '{"EmailIdentity": "example.com", "BehaviorOnMxFailur": "REJECT_MESSAGE"}',
      /Operation Input has no member "BehaviorOnMxFailur"; it takes EmailIdentity, MailFromDomain, BehaviorOnMxFailure/,
    ],
    [
      "ses:SendBounce",
      '{"BouncedRecipientInfoList": [{"Recipient": "a@example.com", "Bouncetype": "x"}]}',
      /Operation Input.BouncedRecipientInfoList\[0\] has no member "Bouncetype"/,
    ],
    [
      "sesv2:ListSuppressedDestinations",
      '{"StartDate": "last tuesday"}',
      /Operation Input.StartDate must be a timestamp/,
    ],
    [
      "sesv2:SendEmail",
      '{"Content": {"Raw": {"Data": "not base64!"}}}',
      /Operation Input.Content.Raw.Data is binary: give it as a base64 string/,
    ],
    ["sesv2:ListSuppressedDestinations", '{"Reasons": "BOUNCE"}', /Reasons must be a JSON array/],
    ["sesv2:NoSuchOperation", "{}", /SES v2 has no operation "NoSuchOperation"/],
    ["sesv2:SendBounce", "{}", /It is an SES v1 operation: use "ses:SendBounce"/],
    ["SendEmail", "{}", /Operation must be an API and an operation name/],
    ["sesv2:GetAccount", "{not json", /Operation Input is not valid JSON/],
    ["sesv2:GetAccount", "[1, 2]", /must be a JSON object/],
    ["sesv2:GetAccount", "42", /must be a JSON object/],
  ])("refuses %s with input %s before any request", async (operation, input, message) => {
    const endpoint = await startFakeAwsEndpoint(() => ({ status: 200, body: {} }));
    try {
      await expect(call(operation, input, endpoint.url)).rejects.toThrow(message);
      expect(endpoint.requests).toHaveLength(0);
    } finally {
      await endpoint.close();
    }
  });

  it("names the operation's IAM permission when access is denied", async () => {
    const endpoint = await startFakeAwsEndpoint(() => ({
      status: 403,
      headers: { "x-amzn-errortype": "AccessDeniedException" },
      body: { message: "User is not authorized to perform ses:PutAccountSuppressionAttributes" },
    }));
    try {
      await expect(
        call(
          "sesv2:PutAccountSuppressionAttributes",
          { SuppressedReasons: ["BOUNCE"] },
          endpoint.url,
        ),
      ).rejects.toThrow(/ses:PutAccountSuppressionAttributes/);
    } finally {
      await endpoint.close();
    }
  });
});
