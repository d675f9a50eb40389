// Runs fauxqs (SQS, SNS and S3 in one process) on a free loopback port and prints its address
// as one JSON line; stops when stdin closes. A child process, because fauxqs is ESM-only.
import { startFauxqs } from "fauxqs";

const server = await startFauxqs({ port: 0, logger: false });
process.stdout.write(`${JSON.stringify({ address: server.address })}\n`);
process.stdin.resume();
process.stdin.on("end", async () => {
  await server.stop();
  process.exit(0);
});
