import { normalizeSesMessage } from "../../src/sesEvents/normalize";
import { bounceTransientEvent, delivery } from "../../src/sesEvents/samples";
import { bundledHarness } from "../helpers/bundle";
import { eventBridgeEvent } from "../helpers/eventBridge";

// Issue 29: SES events from an EventBridge API destination, through the built bundle.
const harness = bundledHarness();
const KEY = "k3y-Of-The-API-Destination-0123456789abcdef";
const params = {
  apiKeyHeader: "x-ses-events-key",
  apiKey: KEY,
  expectedAccountId: "111122223333",
  eventTypes: ["Bounce"],
};

type Result = {
  branch: string;
  response: { statusCode: number; body: string };
  instanceState?: Record<string, unknown>;
  payload: { headers: Record<string, string>; body: { data: Record<string, unknown> } };
};
const post = (
  body: string,
  headers: Record<string, unknown>,
  instanceState: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
) =>
  harness.trigger(
    "sesEventBridgeEvents",
    {
      headers: headers as Record<string, string>,
      rawBody: { data: Buffer.from(body) },
      body: { data: body },
    },
    { ...params, ...overrides },
    { instanceState },
  ) as unknown as Promise<Result>;

describe("SES Events From EventBridge (API destination webhook)", () => {
  const bounce = eventBridgeEvent(bounceTransientEvent);
  const body = JSON.stringify(bounce);

  it("refuses a request without the key with 401, before reading its body", async () => {
    for (const headers of [
      {},
      { "x-ses-events-key": "wrong" },
      { "x-ses-events-key": `${KEY}x` },
      { "x-ses-events-key": KEY.slice(0, -1) },
      { "x-ses-events-key": [KEY, KEY] },
      { "x-other-header": KEY },
    ]) {
      // The body is not even JSON: a 400 would show it was read.
      const refused = await post("not json at all", headers);
      expect(refused.branch).toBe("Refused");
      expect(refused.response.statusCode).toBe(401);
      expect(refused.instanceState).toBeUndefined();
    }
  });

  it("passes a genuine bounce on once, normalised as the SNS triggers' events, and answers 200", async () => {
    const first = await post(body, { "X-SES-Events-Key": KEY });
    expect(first.branch).toBe("Notification");
    expect(first.response.statusCode).toBe(200);
    expect(first.payload.body.data).toEqual({
      eventBridge: expect.objectContaining({ id: bounce.id, detailType: "Email Bounced" }),
      event: normalizeSesMessage(JSON.stringify(bounceTransientEvent)),
    });
    // The key never leaves the trigger: not in the payload, not in the state.
    expect(JSON.stringify(first)).not.toContain(KEY);

    const again = await post(body, { "x-ses-events-key": KEY }, first.instanceState);
    expect(again.branch).toBe("Duplicate");
    expect(again.response.statusCode).toBe(200);
    expect(again.payload.body.data.reason).toMatch(/delivered event .* again/);
    expect(again.instanceState).toBeUndefined();
  });

  it("refuses forged, foreign and stale events with 400 (not retried), and ignores other types", async () => {
    const headers = { "x-ses-events-key": KEY };
    const refused = async (event: unknown, overrides = {}) => {
      const answer = await post(JSON.stringify(event), headers, {}, overrides);
      return [answer.branch, answer.response.statusCode];
    };
    expect(await refused(eventBridgeEvent(bounceTransientEvent, { source: "my.app" }))).toEqual([
      "Refused",
      400,
    ]);
    expect(
      await refused(eventBridgeEvent(bounceTransientEvent, { account: "999999999999" })),
    ).toEqual(["Refused", 400]);
    const stale = new Date(Date.now() - 86_401_000).toISOString();
    expect(await refused(eventBridgeEvent(bounceTransientEvent, { time: stale }))).toEqual([
      "Refused",
      400,
    ]);
    expect(await refused(eventBridgeEvent(delivery))).toEqual(["Ignored", 200]);
    expect(
      await refused(eventBridgeEvent({ sendingStatus: "ENABLED" }), { eventTypes: [] }),
    ).toEqual(["Ignored", 200]);
  });

  it("takes no key shorter than 32 characters", async () => {
    await expect(
      post(body, { "x-ses-events-key": "short" }, {}, { apiKey: "short" }),
    ).rejects.toThrow(/at least 32 characters/);
  });
});
