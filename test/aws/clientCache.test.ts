import { ClientCache, clientCache } from "../../src/aws/clientCache";
import { createSesV2Client, createSqsClient } from "../../src/aws/clients";
import { accessKey } from "../helpers/component";

class FakeClient {
  static made = 0;
  constructor() {
    FakeClient.made++;
  }
}

describe("SDK clients kept between calls", () => {
  beforeEach(() => {
    FakeClient.made = 0;
    clientCache.clear();
  });

  it("hands out the same client for the same settings, and a new one after it sat idle", () => {
    let now = 0;
    const cache = new ClientCache(20_000, 32, () => now);
    const make = () => new FakeClient();
    const first = cache.get(FakeClient, ["us-east-1", "key", "secret"], make);
    now = 19_000;
    expect(cache.get(FakeClient, ["us-east-1", "key", "secret"], make)).toBe(first);
    now = 38_000; // 19 s after it was last handed out
    expect(cache.get(FakeClient, ["us-east-1", "key", "secret"], make)).toBe(first);
    now = 58_001;
    expect(cache.get(FakeClient, ["us-east-1", "key", "secret"], make)).not.toBe(first);
    expect(FakeClient.made).toBe(2);
  });

  it("never shares a client between different credentials, regions or client classes", () => {
    const cache = new ClientCache();
    class OtherClient extends FakeClient {}
    const base = cache.get(FakeClient, ["us-east-1", "key", "secret"], () => new FakeClient());
    for (const [clientClass, settings] of [
      [FakeClient, ["us-east-1", "key", "other secret"]],
      [FakeClient, ["eu-west-1", "key", "secret"]],
      [OtherClient, ["us-east-1", "key", "secret"]],
    ] as const) {
      expect(cache.get(clientClass, settings, () => new clientClass())).not.toBe(base);
    }
  });

  it("keeps at most its bound per class, dropping the least recently handed out", () => {
    const cache = new ClientCache(20_000, 2);
    const make = () => new FakeClient();
    const a = cache.get(FakeClient, "a", make);
    cache.get(FakeClient, "b", make);
    expect(cache.get(FakeClient, "a", make)).toBe(a); // a is now the most recent
    cache.get(FakeClient, "c", make); // drops b
    expect(cache.get(FakeClient, "a", make)).toBe(a);
    const made = FakeClient.made;
    cache.get(FakeClient, "b", make);
    expect(FakeClient.made).toBe(made + 1);
  });

  it("reuses the component's clients per connection, and never a client without the SDK's retries", async () => {
    const settings = { connection: accessKey, region: "us-east-1", endpoint: "http://127.0.0.1:1" };
    const sqs = await createSqsClient(settings);
    expect(await createSqsClient(settings)).toBe(sqs);
    const otherKey = {
      ...accessKey,
      fields: { ...accessKey.fields, secretAccessKey: "another-secret-not-real" },
    };
    expect(await createSqsClient({ ...settings, connection: otherKey })).not.toBe(sqs);
    const bulk = await createSesV2Client(settings, { maxAttempts: 1 });
    expect(await createSesV2Client(settings, { maxAttempts: 1 })).not.toBe(bulk);
  });

  it("checks the connection before handing out a cached client", async () => {
    const settings = { connection: accessKey, region: "us-east-1" };
    await createSqsClient({ ...settings, endpoint: "http://127.0.0.1:1" });
    const broken = { ...accessKey, fields: { accessKeyId: "AKIA", secretAccessKey: "" } };
    await expect(createSqsClient({ ...settings, connection: broken })).rejects.toThrow(
      /Access Key ID|Secret Access Key/,
    );
  });
});
