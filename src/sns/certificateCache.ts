import { createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { SnsRejection } from "./snsMessage";

/** Fetches a certificate's PEM text; injected so verification stays free of I/O in tests. */
export type FetchCertificate = (url: URL) => Promise<string>;

/**
 * Public keys of SNS signing certificates, one fetch per URL per process (concurrent requests
 * share it; a failed fetch is not kept), at most `maxEntries` URLs, least recently used first out.
 */
export class CertificateCache {
  private readonly entries = new Map<string, Promise<KeyObject>>();
  fetches = 0;

  constructor(
    private readonly fetchCertificate: FetchCertificate,
    private readonly maxEntries = 64,
  ) {}

  /**
   * The key for a certificate URL string. `validate` runs only on a miss, before the fetch: a
   * cached entry's URL was validated when it was added, so a hit skips re-parsing it.
   */
  publicKeyFor(urlText: string, validate: (urlText: string) => URL): Promise<KeyObject> {
    const cached = this.entries.get(urlText);
    if (!cached) return this.load(urlText, validate(urlText));
    this.entries.delete(urlText); // re-inserted as the most recently used
    this.entries.set(urlText, cached);
    return cached;
  }

  publicKey(url: URL): Promise<KeyObject> {
    return this.publicKeyFor(url.href, () => url);
  }

  private load(key: string, url: URL): Promise<KeyObject> {
    this.fetches += 1;
    const loading = this.fetchCertificate(url).then((pem) => {
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
    });
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    this.entries.set(key, loading);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return loading;
  }
}
