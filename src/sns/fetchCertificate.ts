import { get } from "node:https";
import { SnsRejection } from "./snsMessage";

const MAX_CERTIFICATE_BYTES = 16 * 1024;
const TIMEOUT_MS = 5000;

/** GETs a certificate over https: 200 only, no redirects, at most 16 KB, within 5 seconds. */
export function fetchCertificateOverHttps(url: URL): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) =>
      reject(
        new SnsRejection(
          "certificate-unavailable",
          `the signing certificate could not be fetched (${why}).`,
        ),
      );
    const request = get(url, { timeout: TIMEOUT_MS }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        fail(`HTTP ${response.statusCode}`);
        return;
      }
      let size = 0;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_CERTIFICATE_BYTES) {
          request.destroy();
          fail("too large");
        } else chunks.push(chunk);
      });
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    request.on("timeout", () => {
      request.destroy();
      fail("timed out");
    });
    request.on("error", (error) => fail(error.message));
  });
}
