import { verify, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import { DeliveryLog } from "../src/sns/deliveryLog";
import { stringToSign } from "../src/sns/snsMessage";
import { DELIVERY_LOG_KEY } from "../src/triggers/snsPipeline";
import floorTrigger from "./floor/noopTrigger";
import { repoPath } from "./measure";
import { interleavedRounds, ratioSpread, type Spread, spreadOf } from "./rounds";
import { BENCH_TOPIC, signedBounce } from "./signedBounce";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const localSns: any = require(repoPath("demo", "localSns.js"));
const CERT = new X509Certificate(
  readFileSync(repoPath("test", "fixtures", "sns", "test-signing-cert.pem")),
).publicKey;
const TOPIC = BENCH_TOPIC;
const CHUNK = 50;
export const WEBHOOK_ROUNDS = 21;

/** A bare handler's work for one delivery: parse, RSA verify, parse the SES event. */
function bareHandle(body: string) {
  const sns = JSON.parse(body);
  verify("sha256", Buffer.from(stringToSign(sns)), CERT, Buffer.from(sns.Signature, "base64"));
  JSON.parse(sns.Message);
}

const delivery = (n: number) =>
  signedBounce(n, `2222${String(n).padStart(4, "0")}-0000-4000-8000-000000000000`);

/** The instance state of a flow whose delivery log already holds `entries` recent IDs. */
function stateWithLog(entries: number): string {
  const log = DeliveryLog.read(undefined);
  const now = Date.now();
  for (let n = 0; n < entries; n++) {
    log.remember(`earlier-${n}`, now - (entries - n) * 100, {
      maxAgeMs: 3_600_000,
      maxEntries: 2000,
    });
  }
  return JSON.stringify({ [DELIVERY_LOG_KEY]: log.toJSON() });
}

export interface WebhookRow {
  logEntries: number;
  stateBytes: number;
  /** Deliveries per second. */
  ours: number;
  oursSaved: number;
  floor: number;
  bare: number;
  /** Per-event cost ratios (time ours / time baseline), per round. */
  toBare: Spread;
  savedToBare: Spread;
  toFloorPlusBare: Spread;
}

/**
 * One SNS delivery per execution through the bundled SES Notification trigger, with the
 * delivery log holding 250 or 2,000 IDs, against a bare parse + verify of the same messages and
 * a no-op trigger with the same inputs in the same harness. Each chunk of 50 deliveries starts
 * from the same stored state, so the log stays at its size. "Saved" also loads the state from
 * JSON before and writes it to JSON after each execution, as the platform stores it.
 */
export async function benchWebhookIntake(): Promise<WebhookRow[]> {
  const component = require(repoPath("dist", "index.js")).default;
  const harness = createHarness(component);
  const floor = createHarness(floorTrigger);
  const sns = localSns.serveSnsLocally();
  const quiet = { log: console.log, info: console.info, warn: console.warn };
  const bodies = Array.from({ length: CHUNK }, (_, n) => delivery(n));
  const params = { allowedTopicArns: [TOPIC], eventTypes: [] };
  const payloadOf = (body: string) => ({ rawBody: { data: body }, body: { data: body } });
  try {
    console.log = console.info = console.warn = () => {};
    const rows: WebhookRow[] = [];
    for (const entries of [250, 2000]) {
      // A full log: its chunk's last delivery goes past the bound and sweeps out the oldest 5%
      // (a full log in use sweeps once per 100 deliveries: this is twice as often).
      const stored = stateWithLog(entries === 2000 ? entries - CHUNK + 1 : entries);
      const ours = (save: boolean) => async () => {
        let instanceState = JSON.parse(stored);
        let text = "";
        for (const body of bodies) {
          if (save) instanceState = JSON.parse(text || stored);
          // biome-ignore lint/suspicious/noExplicitAny: harness results are untyped
          const result: any = await harness.trigger("sesNotification", payloadOf(body), params, {
            instanceState,
          });
          if (result.branch !== "Notification") throw new Error(`not passed on: ${result.branch}`);
          instanceState = result.instanceState;
          if (save) text = JSON.stringify(instanceState);
        }
        return bodies.length;
      };
      const rounds = await interleavedRounds(
        {
          ours: ours(false),
          oursSaved: ours(true),
          floor: async () => {
            for (const body of bodies) {
              await floor.trigger("noop", payloadOf(body), params, { instanceState: {} });
            }
            return bodies.length;
          },
          bare: () => {
            for (const body of bodies) bareHandle(body);
            return bodies.length;
          },
        },
        { rounds: WEBHOOK_ROUNDS, chunks: 24, warmupRounds: 2 },
      );
      // Rates per second, so a time ratio is the baseline's rate over ours.
      const pick = (key: "ours" | "oursSaved" | "floor" | "bare") =>
        spreadOf(rounds.map((round) => round[key])).median;
      rows.push({
        logEntries: entries,
        stateBytes: stored.length,
        ours: pick("ours"),
        oursSaved: pick("oursSaved"),
        floor: pick("floor"),
        bare: pick("bare"),
        toBare: ratioSpread(rounds, "bare", "ours"),
        savedToBare: ratioSpread(rounds, "bare", "oursSaved"),
        toFloorPlusBare: spreadOf(
          rounds.map((round) => 1 / round.ours / (1 / round.floor + 1 / round.bare)),
        ),
      });
    }
    return rows;
  } finally {
    Object.assign(console, quiet);
    sns.restore();
  }
}
