import {
  DeleteSuppressedDestinationCommand,
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  PutSuppressedDestinationCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());
const base = { connection: accessKey, region: "eu-west-1" };
const updated = new Date("2026-11-20T08:31:12Z");

describe("suppression list actions", () => {
  it("Add puts the address with its reason", async () => {
    ses.on(PutSuppressedDestinationCommand).resolves({});
    const result = await harness.action("putSuppressedDestination", {
      ...base,
      emailAddress: " Bounced@Example.com ",
      reason: "complaint",
    });
    expect(ses.commandCalls(PutSuppressedDestinationCommand)[0].args[0].input).toEqual({
      EmailAddress: "Bounced@example.com",
      Reason: "COMPLAINT",
    });
    expect(dataOf(result)).toEqual({ emailAddress: "Bounced@example.com", reason: "COMPLAINT" });
  });

  it("Get returns the entry with the message and feedback ids", async () => {
    ses.on(GetSuppressedDestinationCommand, { EmailAddress: "b@example.com" }).resolves({
      SuppressedDestination: {
        EmailAddress: "b@example.com",
        Reason: "BOUNCE",
        LastUpdateTime: updated,
        Attributes: { MessageId: "m-1", FeedbackId: "f-1" },
      },
    });
    const result = await harness.action("getSuppressedDestination", {
      ...base,
      emailAddress: "b@example.com",
    });
    expect(dataOf(result)).toEqual({
      emailAddress: "b@example.com",
      reason: "BOUNCE",
      lastUpdated: "2026-11-20T08:31:12.000Z",
      messageId: "m-1",
      feedbackId: "f-1",
    });
  });

  it("List filters by reasons and dates, and follows every page with Fetch All Pages", async () => {
    const sent: unknown[] = [];
    ses.on(ListSuppressedDestinationsCommand).callsFake((input) => {
      sent.push({ ...input });
      const entry = (address: string) => ({
        EmailAddress: address,
        Reason: "BOUNCE",
        LastUpdateTime: updated,
      });
      return input.NextToken === "n2"
        ? { SuppressedDestinationSummaries: [entry("b@example.com")] }
        : { SuppressedDestinationSummaries: [entry("a@example.com")], NextToken: "n2" };
    });
    const all = await harness.action("listSuppressedDestinations", {
      ...base,
      reasons: ["bounce"],
      startDate: "2026-11-01T00:00:00Z",
      endDate: "2026-12-01",
      fetchAll: "true",
    });
    const filter = {
      Reasons: ["BOUNCE"],
      StartDate: new Date("2026-11-01T00:00:00Z"),
      EndDate: new Date("2026-12-01"),
    };
    expect(sent).toEqual([
      { ...filter, PageSize: 1000 },
      { ...filter, PageSize: 1000, NextToken: "n2" },
    ]);
    expect(
      dataOf<{ suppressedDestinations: { emailAddress: string }[] }>(
        all,
      ).suppressedDestinations.map((e) => e.emailAddress),
    ).toEqual(["a@example.com", "b@example.com"]);
  });

  it("Remove deletes the address", async () => {
    ses.on(DeleteSuppressedDestinationCommand).resolves({});
    const result = await harness.action("deleteSuppressedDestination", {
      ...base,
      emailAddress: "a@example.com",
    });
    expect(ses.commandCalls(DeleteSuppressedDestinationCommand)[0].args[0].input).toEqual({
      EmailAddress: "a@example.com",
    });
    expect(dataOf(result)).toEqual({ emailAddress: "a@example.com", removed: true });
  });

  it.each([
    [
      "putSuppressedDestination",
      { emailAddress: "a@example.com", reason: "SPAM" },
      /^Reason must be BOUNCE or COMPLAINT, not "SPAM"/,
    ],
    [
      "putSuppressedDestination",
      { emailAddress: "Jane <a@example.com>", reason: "BOUNCE" },
      /give the bare address/,
    ],
    [
      "getSuppressedDestination",
      { emailAddress: "nope" },
      /^Email Address: "nope" is not a valid email address/,
    ],
    ["listSuppressedDestinations", { reasons: ["OTHER"] }, /^Reasons must be BOUNCE or COMPLAINT/],
    [
      "listSuppressedDestinations",
      { reasons: [], startDate: "yesterday" },
      /^Start Date "yesterday" is not a date/,
    ],
    [
      "listSuppressedDestinations",
      { reasons: [], startDate: "2026-12-01", endDate: "2026-11-01" },
      /^Start Date must be before End Date/,
    ],
  ])("%s rejects bad input before calling AWS (%#)", async (key, params, message) => {
    await expect(harness.action(key, { ...base, ...params })).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
