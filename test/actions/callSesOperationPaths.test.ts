import * as sesV2Sdk from "@aws-sdk/client-sesv2";
import { NormalizedSchema } from "@smithy/core/schema";
import { SES_V2_OPERATIONS } from "../../src/aws/sesOperations";
import { accessKey, harness } from "../helpers/component";
import { startFakeAwsEndpoint } from "../helpers/fakeAwsEndpoint";

// SES v2 is a REST API: these members become segments of the URL path. The SDK leaves ".."
// unencoded and its signer normalises the path, so DeleteContact with EmailAddress ".." would
// be sent, and signed, as DELETE .../contact-lists/<list>: DeleteContactList.
const labelsOf = (operation: string) => {
  const Command = (sesV2Sdk as Record<string, unknown>)[`${operation}Command`] as new (
    input: unknown,
  ) => { schema: unknown[] };
  const schema = NormalizedSchema.of(new Command({}).schema[4] as never);
  return Object.entries(schema.getMemberSchemas())
    .filter(([, member]) => member.getMergedTraits().httpLabel)
    .map(([name]) => name);
};
const withLabels = SES_V2_OPERATIONS.map(
  (operation) => [operation, labelsOf(operation)] as const,
).filter(([, labels]) => labels.length > 0);

describe("Call SES Operation: members in the URL path", () => {
  let endpoint: Awaited<ReturnType<typeof startFakeAwsEndpoint>>;
  beforeAll(async () => {
    endpoint = await startFakeAwsEndpoint(() => ({ status: 200, body: {} }));
  });
  afterAll(() => endpoint.close());

  it("covers every SES v2 operation with path labels (generated from the SDK's schemas)", () => {
    expect(withLabels.length).toBeGreaterThan(40);
    expect(withLabels.map(([operation]) => operation)).toEqual(
      expect.arrayContaining([
        "DeleteContact",
        "DeleteEmailIdentityPolicy",
        "DeleteConfigurationSetEventDestination",
      ]),
    );
  });

  it.each(
    withLabels.flatMap(([operation, labels]) =>
      labels.map((label) => [operation, label, labels] as const),
    ),
  )(
    "%s refuses %s of '..', '.', '' or with '/' before any request",
    async (operation, label, labels) => {
      for (const bad of ["..", ".", "", "a/../b"]) {
        const input = Object.fromEntries(labels.map((name) => [name, name === label ? bad : "ok"]));
        await expect(
          harness.action("callSesOperation", {
            connection: accessKey,
            region: "eu-west-1",
            operation: `sesv2:${operation}`,
            input: JSON.stringify(input),
            endpoint: endpoint.url,
          }),
        ).rejects.toThrow(`Operation Input.${label} is part of the request's URL path`);
      }
      expect(endpoint.requests).toHaveLength(0);
    },
  );

  it("still sends a label that is a plain value, percent-encoded by the SDK", async () => {
    await harness.action("callSesOperation", {
      connection: accessKey,
      region: "eu-west-1",
      operation: "sesv2:DeleteContact",
      input: JSON.stringify({ ContactListName: "news", EmailAddress: "a+b@example.com" }),
      endpoint: endpoint.url,
    });
    expect(endpoint.requests.map((request) => [request.method, request.url])).toEqual([
      ["DELETE", "/v2/email/contact-lists/news/contacts/a%2Bb%40example.com"],
    ]);
    endpoint.requests.length = 0;
  });

  it.each([
    ['{"ContactListName": {"a": 1}}', "sesv2:GetContactList", /ContactListName must be a string/],
    ['{"PageSize": "10"}', "sesv2:ListContactLists", /PageSize must be a number/],
    [
      '{"SigningEnabled": "yes"}',
      "sesv2:PutEmailIdentityDkimAttributes",
      /SigningEnabled must be true or false/,
    ],
    [
      '{"StartDate": "2026-02-30"}',
      "sesv2:ListSuppressedDestinations",
      /StartDate must be a timestamp/,
    ],
  ])(
    "refuses %s for %s: a scalar of another type, a day that does not exist",
    async (input, operation, message) => {
      await expect(
        harness.action("callSesOperation", {
          connection: accessKey,
          region: "eu-west-1",
          operation,
          input,
          endpoint: endpoint.url,
        }),
      ).rejects.toThrow(message);
      expect(endpoint.requests).toHaveLength(0);
    },
  );
});
