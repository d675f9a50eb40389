import type { AddressInfo } from "node:net";
import startEmulator from "aws-ses-v2-local";
import type { Email } from "aws-ses-v2-local/dist/store";

/** aws-ses-v2-local in this process, on a free loopback port. */
export async function startSesEmulator() {
  const server = await startEmulator({ port: 0, host: "127.0.0.1" });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async emails(): Promise<Email[]> {
      const response = await fetch(`${url}/store`);
      return ((await response.json()) as { emails: Email[] }).emails;
    },
    async clear(): Promise<void> {
      await fetch(`${url}/clear-store`, { method: "POST" });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
