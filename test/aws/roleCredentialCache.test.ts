import {
  type AwsCredentials,
  RoleCredentialCache,
  type RoleSettings,
} from "../../src/aws/credentials";

const HOUR = 3600 * 1000;

function settings(overrides: Partial<RoleSettings> = {}): RoleSettings {
  return {
    keys: { accessKeyId: "AKIATESTKEY000000001", secretAccessKey: "secret-a" },
    roleArn: "arn:aws:iam::123456789012:role/R",
    externalId: "ext-1",
    sessionName: "prismatic-ses",
    durationSeconds: 3600,
    ...overrides,
  };
}

/** A cache on a hand-moved clock, with an AssumeRole that issues numbered credentials. */
function setup() {
  let now = Date.UTC(2026, 10, 23, 12, 0, 0);
  let issued = 0;
  const assumeRole = jest.fn(async (s: RoleSettings): Promise<AwsCredentials> => {
    issued += 1;
    return {
      accessKeyId: `ASIATEMP${issued}`,
      secretAccessKey: "temp",
      sessionToken: "token",
      expiration: new Date(now + s.durationSeconds * 1000),
    };
  });
  const cache = new RoleCredentialCache(assumeRole, 5 * 60 * 1000, 256, () => now);
  return { cache, assumeRole, advance: (ms: number) => (now += ms) };
}

describe("RoleCredentialCache", () => {
  it("assumes the role once for many uses within the credentials' lifetime", async () => {
    const { cache, assumeRole, advance } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 100; i++) {
      ids.add((await cache.get(settings(), "us-east-1")).accessKeyId);
      advance(30 * 1000); // 100 uses over 50 minutes
    }
    expect(assumeRole).toHaveBeenCalledTimes(1);
    expect([...ids]).toEqual(["ASIATEMP1"]);
  });

  it("renews 5 minutes before expiry, not after", async () => {
    const { cache, assumeRole, advance } = setup();
    await cache.get(settings(), "us-east-1");
    advance(HOUR - 5 * 60 * 1000 - 1);
    expect((await cache.get(settings(), "us-east-1")).accessKeyId).toBe("ASIATEMP1");
    advance(1);
    expect((await cache.get(settings(), "us-east-1")).accessKeyId).toBe("ASIATEMP2");
    expect(assumeRole).toHaveBeenCalledTimes(2);
  });

  it("keeps separate credentials per external ID, role, key and secret", async () => {
    const { cache, assumeRole } = setup();
    const variants = [
      settings(),
      settings({ externalId: "ext-2" }),
      settings({ externalId: undefined }),
      settings({ roleArn: "arn:aws:iam::123456789012:role/Other" }),
      settings({ keys: { accessKeyId: "AKIATESTKEY000000002", secretAccessKey: "secret-a" } }),
      // Same key ID, wrong secret: must not be handed the cached credentials.
      settings({ keys: { accessKeyId: "AKIATESTKEY000000001", secretAccessKey: "wrong" } }),
    ];
    const ids = [];
    for (const variant of variants) ids.push((await cache.get(variant, "us-east-1")).accessKeyId);
    for (const variant of variants) ids.push((await cache.get(variant, "us-east-1")).accessKeyId);
    expect(assumeRole).toHaveBeenCalledTimes(variants.length);
    expect(new Set(ids).size).toBe(variants.length);
  });

  it("shares one in-flight AssumeRole between concurrent callers", async () => {
    const { cache, assumeRole } = setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.get(settings(), "us-east-1")),
    );
    expect(assumeRole).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.accessKeyId)).size).toBe(1);
  });

  it("does not cache a failure: the next call tries again", async () => {
    const { cache, assumeRole } = setup();
    assumeRole.mockRejectedValueOnce(new Error("AccessDenied"));
    await expect(cache.get(settings(), "us-east-1")).rejects.toThrow("AccessDenied");
    await expect(cache.get(settings(), "us-east-1")).resolves.toMatchObject({
      accessKeyId: "ASIATEMP1",
    });
    expect(assumeRole).toHaveBeenCalledTimes(2);
  });

  it("stays bounded, dropping the least recently assumed entry", async () => {
    let issued = 0;
    const assumeRole = jest.fn(async () => ({
      accessKeyId: `ASIA${++issued}`,
      secretAccessKey: "s",
      expiration: new Date(Date.now() + HOUR),
    }));
    const cache = new RoleCredentialCache(assumeRole, 0, 2);
    await cache.get(settings({ externalId: "a1" }), "us-east-1");
    await cache.get(settings({ externalId: "b2" }), "us-east-1");
    await cache.get(settings({ externalId: "c3" }), "us-east-1"); // evicts a1
    await cache.get(settings({ externalId: "b2" }), "us-east-1"); // still cached
    await cache.get(settings({ externalId: "a1" }), "us-east-1"); // assumed again
    expect(assumeRole).toHaveBeenCalledTimes(4);
  });
});
