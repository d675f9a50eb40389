import { clientCache } from "../../src/aws/clientCache";
import { roleCredentialCache } from "../../src/aws/credentials";
import {
  accessKey,
  harness,
  rejectionOf,
  roleConnection,
  TEST_KEY_ID,
  TEST_SECRET,
} from "../helpers/component";
import {
  type CapturedRequest,
  type FakeResponse,
  signingKeyId,
  startFakeAwsEndpoint,
} from "../helpers/fakeAwsEndpoint";

/** One local endpoint playing STS (query/XML) and SES v2 (REST/JSON), as the real SDK calls them. */
let fake: Awaited<ReturnType<typeof startFakeAwsEndpoint>>;
let stsAnswer: (request: CapturedRequest) => FakeResponse;
let sesAnswer: (request: CapturedRequest) => FakeResponse;
let issued = 0;

function assumeRoleResponse(request: CapturedRequest): FakeResponse {
  issued += 1;
  const params = new URLSearchParams(request.body);
  const expiration = new Date(Date.now() + Number(params.get("DurationSeconds")) * 1000);
  return {
    status: 200,
    headers: { "content-type": "text/xml" },
    body: `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIATEMPORARY${issued}</AccessKeyId><SecretAccessKey>temporary-secret</SecretAccessKey><SessionToken>session-token-${issued}</SessionToken><Expiration>${expiration.toISOString()}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROATEST:prismatic-ses</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/PrismaticSes/prismatic-ses</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>sts-${issued}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  };
}

const emptyIdentityList = (): FakeResponse => ({ status: 200, body: { EmailIdentities: [] } });

beforeAll(async () => {
  fake = await startFakeAwsEndpoint((request) =>
    request.url.startsWith("/v2/") ? sesAnswer(request) : stsAnswer(request),
  );
  process.env.AWS_ENDPOINT_URL_STS = fake.url;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_STS;
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  roleCredentialCache.clear();
  // Each test starts from its own clients, as a fresh process would.
  clientCache.clear();
  stsAnswer = assumeRoleResponse;
  sesAnswer = emptyIdentityList;
});

const listIdentities = (connection: unknown) =>
  harness.action("listIdentities", { connection, region: "us-east-1", endpoint: fake.url });
const stsCalls = () => fake.requests.filter((r) => !r.url.startsWith("/v2/"));
const sesCalls = () => fake.requests.filter((r) => r.url.startsWith("/v2/"));

describe("Access Key and Secret connection", () => {
  it("signs SES requests with the key, trimmed of pasted whitespace", async () => {
    const pasted = {
      ...accessKey,
      fields: { accessKeyId: `  ${TEST_KEY_ID}\n`, secretAccessKey: `${TEST_SECRET} ` },
    };
    await listIdentities(pasted);
    expect(sesCalls().map(signingKeyId)).toEqual([TEST_KEY_ID]);
    expect(stsCalls()).toHaveLength(0);
  });

  it("sends the session token of temporary credentials with each request", async () => {
    const temporary = {
      ...accessKey,
      fields: {
        accessKeyId: "ASIATEMPORARYKEY0001",
        secretAccessKey: TEST_SECRET,
        sessionToken: " token-123\n",
      },
    };
    await listIdentities(temporary);
    expect(sesCalls()[0].headers["x-amz-security-token"]).toBe("token-123");
    expect(signingKeyId(sesCalls()[0])).toBe("ASIATEMPORARYKEY0001");
  });

  const emulatorKey = { ...accessKey, fields: { accessKeyId: "test", secretAccessKey: "test" } };

  it("takes an emulator's key (test / test) with an Endpoint Override, and signs with it", async () => {
    await listIdentities(emulatorKey);
    expect(sesCalls().map(signingKeyId)).toEqual(["test"]);
  });

  it("refuses the same key for AWS itself (no Endpoint Override) before any call, saying why", async () => {
    await expect(
      harness.action("listIdentities", { connection: emulatorKey, region: "us-east-1" }),
    ).rejects.toThrow(
      /Access Key ID is not an AWS access key ID .* accepted only with an Endpoint Override/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("rejects an access key ID with spaces or control characters even with an override", async () => {
    for (const accessKeyId of ["not a key", "key\u0000id", "x".repeat(129)]) {
      const bad = { ...accessKey, fields: { accessKeyId, secretAccessKey: TEST_SECRET } };
      await expect(listIdentities(bad)).rejects.toThrow(
        /Access Key ID must be 1 to 128 printable characters without spaces/,
      );
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe("AWS Role ARN connection", () => {
  it("assumes the role once for 100 actions and signs each SES call with the role's credentials", async () => {
    for (let i = 0; i < 100; i++) await listIdentities(roleConnection());

    expect(stsCalls()).toHaveLength(1);
    const assume = new URLSearchParams(stsCalls()[0].body);
    expect(Object.fromEntries(assume)).toEqual({
      Action: "AssumeRole",
      Version: "2011-06-15",
      RoleArn: "arn:aws:iam::123456789012:role/PrismaticSes",
      RoleSessionName: "prismatic-ses",
      ExternalId: "ext-1234",
      DurationSeconds: "3600",
    });
    expect(signingKeyId(stsCalls()[0])).toBe(TEST_KEY_ID);
    expect(sesCalls()).toHaveLength(100);
    expect(new Set(sesCalls().map(signingKeyId))).toEqual(new Set([`ASIATEMPORARY${issued}`]));
    expect(sesCalls()[99].headers["x-amz-security-token"]).toBe(`session-token-${issued}`);
  });

  it("assumes the role again once the credentials are within 5 minutes of expiry", async () => {
    await listIdentities(roleConnection());
    const start = Date.now();
    const clock = jest.spyOn(Date, "now").mockReturnValue(start + 54 * 60 * 1000);
    try {
      await listIdentities(roleConnection());
      expect(stsCalls()).toHaveLength(1);
      clock.mockReturnValue(start + 56 * 60 * 1000);
      await listIdentities(roleConnection());
      expect(stsCalls()).toHaveLength(2);
    } finally {
      clock.mockRestore();
    }
  });

  it("keeps a separate cache entry per external ID", async () => {
    await listIdentities(roleConnection({ externalId: "customer-a" }));
    await listIdentities(roleConnection({ externalId: "customer-b" }));
    await listIdentities(roleConnection({ externalId: "customer-a" }));
    await listIdentities(roleConnection({ externalId: "customer-b" }));
    expect(stsCalls().map((r) => new URLSearchParams(r.body).get("ExternalId"))).toEqual([
      "customer-a",
      "customer-b",
    ]);
  });

  it.each([
    [
      "a role ARN of the wrong shape",
      { roleARN: "arn:aws:iam::12345:user/Bob" },
      /Role ARN "arn:aws:iam::12345:user\/Bob" is not an IAM role ARN/,
    ],
    [
      "an external ID with spaces",
      { externalId: "has space" },
      /External ID must be 2 to 1224 characters/,
    ],
    [
      "a session duration under 900 s",
      { durationSeconds: "60" },
      /Session Duration must be a whole number of seconds from 900 to 43200/,
    ],
    [
      "a session name with a space",
      { sessionName: "my session" },
      /Session Name must be 2 to 64 characters/,
    ],
  ])("rejects %s before calling STS", async (_case, fields, message) => {
    await expect(listIdentities(roleConnection(fields))).rejects.toThrow(message);
    expect(fake.requests).toHaveLength(0);
  });

  it("explains a refused AssumeRole: the IAM action, the trust policy and the External ID", async () => {
    stsAnswer = () => ({
      status: 403,
      headers: { "content-type": "text/xml", "x-amzn-requestid": "sts-denied-1" },
      body: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/integration is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/PrismaticSes</Message></Error><RequestId>sts-denied-1</RequestId></ErrorResponse>',
    });
    const error = await rejectionOf(listIdentities(roleConnection()));
    expect(error.message).toMatch(/^AWS denied access\. Allow "sts:AssumeRole"/);
    expect(error.message).toMatch(
      /trust policy allows the calling principal and that the External ID matches/,
    );
    expect(error.message).toMatch(
      /\[AWS AccessDenied: User: .* not authorized to perform: sts:AssumeRole .*; request ID sts-denied-1\]$/,
    );
    expect(error).toMatchObject({
      awsErrorName: "AccessDenied",
      requestId: "sts-denied-1",
      iamAction: "sts:AssumeRole",
    });
    expect(sesCalls()).toHaveLength(0);
    // A failed AssumeRole is not cached: the next action tries again.
    stsAnswer = assumeRoleResponse;
    await listIdentities(roleConnection());
    expect(stsCalls()).toHaveLength(2);
  });
});

describe("error advice", () => {
  const sesError = (status: number, type: string, message: string) => () => ({
    status,
    headers: { "x-amzn-errortype": type, "x-amzn-requestid": "ses-req-9" },
    body: { message },
  });

  it.each([
    [
      403,
      "AccessDeniedException",
      "User is not authorized to perform: ses:ListEmailIdentities",
      /^AWS denied access\. Allow "ses:ListEmailIdentities" in the IAM policy/,
    ],
    [
      403,
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
      /^AWS does not recognise the access key ID/,
    ],
    [
      403,
      "InvalidSignatureException",
      "The request signature we calculated does not match",
      /^The secret access key does not match the access key ID/,
    ],
    [
      429,
      "TooManyRequestsException",
      "Too Many Requests",
      /^AWS is throttling requests: slow down/,
    ],
    [
      404,
      "NotFoundException",
      "Configuration set <x> does not exist.",
      /^SES found no such resource in this region/,
    ],
  ])(
    "turns HTTP %s %s into plain advice, keeping AWS's name, message and request id",
    async (status, type, message, advice) => {
      sesAnswer = sesError(status, type, message);
      const error = await rejectionOf(listIdentities(accessKey));
      expect(error.message).toMatch(advice);
      expect(error.message).toContain(`[AWS ${type}: ${message}; request ID ses-req-9]`);
      expect(error).toMatchObject({
        awsErrorName: type,
        awsMessage: message,
        requestId: "ses-req-9",
        httpStatusCode: status,
      });
    },
  );

  it("never puts a secret into an error, whatever the failure", async () => {
    for (const type of [
      "AccessDeniedException",
      "UnrecognizedClientException",
      "InvalidSignatureException",
    ]) {
      sesAnswer = sesError(403, type, "denied");
      for (const connection of [accessKey, roleConnection()]) {
        const error = await rejectionOf(listIdentities(connection));
        const everything = `${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${JSON.stringify(Object.entries(error))}`;
        expect(everything).not.toContain(TEST_SECRET);
        expect(everything).not.toContain("temporary-secret");
        expect(everything).not.toContain("session-token-");
      }
    }
  });

  it("leaves the connection's field values out of a connection error", async () => {
    const bad = roleConnection({ roleARN: "nope" });
    const error = await rejectionOf(listIdentities(bad));
    expect(error.constructor.name).toBe("ConnectionError");
    expect(JSON.stringify(error.connection)).not.toContain(TEST_SECRET);
    expect(JSON.stringify(error)).not.toContain(TEST_SECRET);
  });
});
