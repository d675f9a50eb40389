import { createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { SnsRejection } from "./snsMessage";

/** Fetches a certificate's PEM text; injected so verification stays free of I/O in tests. */
export type FetchCertificate = (url: URL) => Promise<string>;

export interface CertificateCacheLimits {
  /** Certificates that verified a message: only these stay for the life of the process. */
  maxTrusted: number;
  /** Certificates fetched but not (yet) seen verify a message: a small, separate pool. */
  maxUntried: number;
  /** Fetches of URLs not in the cache that may run at once; more wait for a slot. */
  maxConcurrentFetches: number;
  /**
   * How long a fetch waits for a slot (the fetch timeout: a slot frees within it), so a genuine
   * message waits behind the forged fetches ahead of it instead of being refused.
   */
  slotWaitMs: number;
  /** Fetches that may wait at once; beyond them a request is refused (SNS retries). */
  maxWaiting: number;
  /** How long a URL whose fetch failed is refused without fetching again. */
  failureTtlMs: number;
  now: () => number;
}

const DEFAULTS: CertificateCacheLimits = {
  maxTrusted: 64,
  maxUntried: 8,
  maxConcurrentFetches: 2,
  slotWaitMs: 5000,
  maxWaiting: 16,
  failureTtlMs: 60_000,
  now: () => Date.now(),
};
const MAX_REMEMBERED_FAILURES = 256;

/** A bounded map that forgets its least recently used entry first. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  // The most recently used key: a hit on it (the usual case, one topic's certificate) moves nothing.
  private newest: string | undefined;
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined && key !== this.newest) this.set(key, value);
    return value;
  }
  set(key: string, value: V) {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.max)
      this.entries.delete(this.entries.keys().next().value as string);
  }
  delete(key: string) {
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
  }
}

function publicKeyOf(pem: string): KeyObject {
  try {
    // Parsing as X.509 refuses anything that is not a certificate (a bare key, HTML, ...).
    return createPublicKey(
      new X509Certificate(pem).publicKey.export({ type: "spki", format: "pem" }),
    );
  } catch {
    throw new SnsRejection(
      "certificate-unavailable",
      "the signing certificate is not a valid X.509 certificate.",
    );
  }
}

/**
 * Public keys of SNS signing certificates, one fetch per URL. Built for a URL that anyone can
 * post requests to before their signature is checked: a URL's certificate joins the lasting
 * pool only once it has verified a message (`markVerified`), so forged requests naming other
 * URLs can never push out the real certificate; unknown URLs share a small pool, a bounded
 * number of fetches at a time, and a failed URL is refused for a while without a new fetch.
 */
export class CertificateCache {
  private readonly trusted: Lru<KeyObject>;
  private readonly untried: Lru<Promise<KeyObject>>;
  private readonly failedUntil: Lru<number>;
  private readonly limits: CertificateCacheLimits;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  // Fetches waiting for a slot, by URL (bounded by maxWaiting).
  private readonly queued = new Map<string, Promise<KeyObject>>();
  fetches = 0;

  constructor(
    private readonly fetchCertificate: FetchCertificate,
    limits: Partial<CertificateCacheLimits> = {},
  ) {
    this.limits = { ...DEFAULTS, ...limits };
    this.trusted = new Lru(this.limits.maxTrusted);
    this.untried = new Lru(this.limits.maxUntried);
    this.failedUntil = new Lru(MAX_REMEMBERED_FAILURES);
  }

  /**
   * The key for a certificate URL that was already checked as SNS's own: at once for one that
   * verified a message before (the hot path takes no promise), else once it has been fetched.
   */
  publicKey(url: URL): KeyObject | Promise<KeyObject> {
    const urlText = url.href;
    const known = this.trusted.get(urlText) ?? this.untried.get(urlText);
    if (known) return known;
    const failed = this.failedUntil.get(urlText);
    if (failed !== undefined && failed > this.limits.now()) {
      return Promise.reject(
        new SnsRejection(
          "certificate-unavailable",
          "the signing certificate could not be fetched a moment ago; not trying again yet.",
        ),
      );
    }
    const queued = this.queued.get(urlText);
    if (queued) return queued;
    if (this.inFlight < this.limits.maxConcurrentFetches) {
      this.inFlight += 1;
      return this.load(urlText, url);
    }
    if (this.waiting.length >= this.limits.maxWaiting) {
      return Promise.reject(
        new SnsRejection(
          "certificate-unavailable",
          "too many signing certificates are waiting to be fetched; SNS retries later.",
        ),
      );
    }
    // Wait for a slot, first come first served; requests for the same URL share the wait.
    const loading = this.waitForSlot()
      .then(() => this.load(urlText, url))
      .finally(() => this.queued.delete(urlText));
    this.queued.set(urlText, loading);
    return loading;
  }

  /** Resolves holding a fetch slot that a finishing fetch handed over, or rejects in time. */
  private waitForSlot(): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(
          new SnsRejection(
            "certificate-unavailable",
            "no slot to fetch the signing certificate came free in time; SNS retries later.",
          ),
        );
      }, this.limits.slotWaitMs);
      timer.unref?.();
      this.waiting.push(wake);
    });
  }

  /** The key of a certificate that has verified a message before, if this one has. */
  trustedKey(url: URL): KeyObject | undefined {
    return this.trusted.get(url.href);
  }

  /** Keeps a URL's certificate for good: it has just verified a genuine message. */
  markVerified(url: URL, key: KeyObject) {
    this.untried.delete(url.href);
    this.trusted.set(url.href, key);
  }

  /** Fetches with a slot held; the slot passes to the first waiting fetch, or is freed. */
  private load(urlText: string, url: URL): Promise<KeyObject> {
    this.fetches += 1;
    const loading = this.fetchCertificate(url)
      .then(publicKeyOf)
      .finally(() => {
        const next = this.waiting.shift();
        if (next) next();
        else this.inFlight -= 1;
      });
    loading.catch(() => {
      this.untried.delete(urlText);
      this.failedUntil.set(urlText, this.limits.now() + this.limits.failureTtlMs);
    });
    this.untried.set(urlText, loading); // concurrent requests for the same URL share one fetch
    return loading;
  }
}
