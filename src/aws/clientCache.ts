import { createHash } from "node:crypto";

/**
 * SDK clients kept between calls in this process, so a step that runs often (each page of the
 * SQS trigger, each Acknowledge batch) does not pay for a new client every time: resolving a
 * client's configuration and opening a new connection cost about 1 ms a call, more than the call
 * itself against a nearby endpoint.
 *
 * A client is reused only for exactly the same settings, credentials included (hashed, never kept
 * as readable text), and only within `maxIdleMs` of its last hand-out: after that its kept-alive
 * connections may have been closed by the server, so a new client is made. Clients dropped from
 * the cache are not destroyed: a step may still be using one, and their idle connections close
 * as every client's did before this cache.
 */
interface Entry {
  client: unknown;
  handedOutAt: number;
}

export class ClientCache {
  // One map per client class: Call SES Operation's full-bundle classes share names with the
  // modular ones, so a class's name alone could hand out a client of the other class.
  private byClass = new WeakMap<object, Map<string, Entry>>();

  constructor(
    private readonly maxIdleMs = 20_000,
    private readonly maxPerClass = 32,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The cached client of `clientClass` for exactly `settings`, or a new one from `create`. */
  get<Client>(clientClass: object, settings: unknown, create: () => Client): Client {
    const now = this.now();
    let clients = this.byClass.get(clientClass);
    if (!clients) {
      clients = new Map();
      this.byClass.set(clientClass, clients);
    }
    const key = createHash("sha256").update(JSON.stringify(settings)).digest("base64url");
    const cached = clients.get(key);
    clients.delete(key);
    if (cached && now - cached.handedOutAt <= this.maxIdleMs) {
      // Most recently handed out last, so the first entry is the one to drop.
      clients.set(key, { client: cached.client, handedOutAt: now });
      return cached.client as Client;
    }
    const client = create();
    clients.set(key, { client, handedOutAt: now });
    for (const [oldKey, entry] of clients) {
      if (clients.size <= this.maxPerClass && now - entry.handedOutAt <= this.maxIdleMs) break;
      clients.delete(oldKey);
    }
    return client;
  }

  /** Forgets every client: the next call of each makes a new one. */
  clear(): void {
    this.byClass = new WeakMap();
  }
}

export const clientCache = new ClientCache();
