import { get } from "node:https";

/** Visits a URL over https (5 s timeout, body discarded), resolving with the HTTP status. */
export function visitOverHttps(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
  });
}
