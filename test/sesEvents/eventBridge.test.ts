import { readEventBridgeEvent } from "../../src/sesEvents/eventBridge";
import { normalizeSesMessage } from "../../src/sesEvents/normalize";
import { SAMPLE_PER_EVENT_TYPE } from "../../src/sesEvents/samples";
import { eventBridgeEvent } from "../helpers/eventBridge";

describe("SES events as EventBridge delivers them", () => {
  it.each(Object.entries(SAMPLE_PER_EVENT_TYPE))(
    "normalises a %s event exactly as the SNS-delivered one",
    (_type, sample) => {
      const event = eventBridgeEvent(sample as Record<string, unknown>);
      const read = readEventBridgeEvent(JSON.parse(JSON.stringify(event)));
      const viaSns = normalizeSesMessage(JSON.stringify(sample));
      if (viaSns?.type === "Received") {
        // Receipt notifications are not published to EventBridge, but the detail reads the same.
        expect(read.kind).toBe("event");
        return;
      }
      expect(read).toEqual({
        kind: "event",
        event: viaSns,
        envelope: {
          id: event.id,
          detailType: event["detail-type"],
          account: "111122223333",
          region: "us-east-1",
          time: event.time,
          resources: ["arn:aws:ses:us-east-1:111122223333:configuration-set/ses-events"],
        },
      });
    },
  );

  it("refuses what SES did not send, and ignores SES events that are not about mail", () => {
    const bounce = SAMPLE_PER_EVENT_TYPE.Bounce as Record<string, unknown>;
    const refused = (event: unknown, options = {}) => {
      const read = readEventBridgeEvent(event, options);
      return read.kind === "refused" ? read.reason : `not refused: ${read.kind}`;
    };
    expect(refused(eventBridgeEvent(bounce, { source: "my.app" }))).toMatch(/not aws\.ses/);
    expect(refused(eventBridgeEvent(bounce, { id: undefined }))).toMatch(/no valid id/);
    expect(refused(eventBridgeEvent(bounce, { id: "x".repeat(101) }))).toMatch(/no valid id/);
    expect(refused(eventBridgeEvent(bounce, { account: "1234" }))).toMatch(/12-digit account/);
    expect(refused(eventBridgeEvent(bounce, { time: "yesterday" }))).toMatch(/no valid time/);
    expect(refused(eventBridgeEvent(bounce), { expectedAccountIds: ["999999999999"] })).toMatch(
      /not one of the expected accounts \(999999999999\)/,
    );
    const noMail = { ...bounce, mail: { ...(bounce.mail as object), messageId: undefined } };
    expect(refused(eventBridgeEvent(noMail))).toMatch(/no mail\.messageId/);
    expect(refused({ detail: bounce })).toMatch(/not an EventBridge event/);

    const status = eventBridgeEvent(
      { sendingStatus: "ENABLED" },
      { "detail-type": "Sending Status Enabled" },
    );
    expect(readEventBridgeEvent(status)).toMatchObject({
      kind: "ignored",
      reason: expect.stringMatching(
        /"Sending Status Enabled" event from SES is not an email event/,
      ),
    });
  });
});

describe("the tenant of an SES event", () => {
  it("is SES's own ses:tenant-name tag, or null when SES set none", () => {
    const sample = SAMPLE_PER_EVENT_TYPE.Bounce as { mail: Record<string, unknown> };
    const tagged = {
      ...sample,
      mail: { ...sample.mail, tags: { "ses:tenant-name": ["acme-corp"] } },
    };
    expect(normalizeSesMessage(JSON.stringify(tagged))?.mail.tenant).toBe("acme-corp");
    const untagged = { ...sample, mail: { ...sample.mail, tags: undefined } };
    expect(normalizeSesMessage(JSON.stringify(untagged))?.mail.tenant).toBeNull();
  });
});
