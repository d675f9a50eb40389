import { ListEmailIdentitiesCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());

const PAGE_1 = [
  {
    IdentityName: "example.com",
    IdentityType: "DOMAIN",
    VerificationStatus: "SUCCESS",
    SendingEnabled: true,
  },
  {
    IdentityName: "a@example.org",
    IdentityType: "EMAIL_ADDRESS",
    VerificationStatus: "PENDING",
    SendingEnabled: false,
  },
] as const;
const PAGE_2 = [
  {
    IdentityName: "mail.example.net",
    IdentityType: "MANAGED_DOMAIN",
    VerificationStatus: "SUCCESS",
    SendingEnabled: true,
  },
  {
    IdentityName: "b@example.org",
    IdentityType: "EMAIL_ADDRESS",
    VerificationStatus: "SUCCESS",
    SendingEnabled: true,
  },
] as const;

const list = (params: Record<string, unknown>) =>
  harness.action("listIdentities", { connection: accessKey, region: "us-west-2", ...params });

describe("List Identities", () => {
  it("asks SES for one page with the given size and token, and returns identities in our shape", async () => {
    ses
      .on(ListEmailIdentitiesCommand)
      .resolves({ EmailIdentities: [...PAGE_1], NextToken: "tok-2" });
    const result = await list({ pageSize: "2", nextToken: "tok-1" });

    expect(ses.commandCalls(ListEmailIdentitiesCommand).map((c) => c.args[0].input)).toEqual([
      { PageSize: 2, NextToken: "tok-1" },
    ]);
    expect(result?.data).toEqual({
      identities: [
        {
          name: "example.com",
          type: "DOMAIN",
          verificationStatus: "SUCCESS",
          sendingEnabled: true,
        },
        {
          name: "a@example.org",
          type: "EMAIL_ADDRESS",
          verificationStatus: "PENDING",
          sendingEnabled: false,
        },
      ],
      nextToken: "tok-2",
    });
  });

  it("uses the default page size and no token when none are given, and ends with nextToken null", async () => {
    ses.on(ListEmailIdentitiesCommand).resolves({ EmailIdentities: [] });
    const result = await list({});
    expect(ses.commandCalls(ListEmailIdentitiesCommand)[0].args[0].input).toEqual({
      PageSize: 100,
      NextToken: undefined,
    });
    expect(result?.data).toEqual({ identities: [], nextToken: null });
  });

  it("follows every page with Fetch All Pages and filters by identity type", async () => {
    // The SDK paginator reuses one input object, so record a copy of each as it is sent.
    const sent: unknown[] = [];
    ses.on(ListEmailIdentitiesCommand).callsFake((input) => {
      sent.push({ ...input });
      return input.NextToken === "p2"
        ? { EmailIdentities: [...PAGE_2] }
        : { EmailIdentities: [...PAGE_1], NextToken: "p2" };
    });

    const domains = await list({ fetchAll: "true", identityType: "DOMAIN" });
    expect(sent).toEqual([{ PageSize: 1000 }, { PageSize: 1000, NextToken: "p2" }]);
    expect(
      dataOf<{ identities: { name: string }[] }>(domains).identities.map((i) => i.name),
    ).toEqual(["example.com", "mail.example.net"]);

    const emails = await list({ fetchAll: "true", identityType: "EMAIL_ADDRESS" });
    expect(
      dataOf<{ identities: { name: string }[] }>(emails).identities.map((i) => i.name),
    ).toEqual(["a@example.org", "b@example.org"]);
  });

  it("accepts the official connector's EmailAddress value for the type", async () => {
    ses.on(ListEmailIdentitiesCommand).resolves({ EmailIdentities: [...PAGE_1] });
    const result = await list({ identityType: "EmailAddress" });
    expect(dataOf<{ identities: unknown[] }>(result).identities).toHaveLength(1);
  });

  it.each([
    [
      "a page size over 1000",
      { pageSize: "1001" },
      /Page Size must be a whole number from 1 to 1000/,
    ],
    ["a page size that is not a number", { pageSize: "ten" }, /Page Size must be a whole number/],
    [
      "an unknown identity type",
      { identityType: "PHONE" },
      /Identity Type must be ALL, EMAIL_ADDRESS or DOMAIN/,
    ],
  ])("rejects %s before calling AWS", async (_case, params, message) => {
    await expect(list(params)).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
