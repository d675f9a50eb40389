import { setTimeout as sleep } from "node:timers/promises";
import { bouncePermanent, delivery } from "../../src/sesEvents/samples";
import { describeWithFauxqs, useFauxqsAndSns } from "../helpers/fauxqs";
import {
  createQueueWithDlq,
  drainBodies,
  envelopeBody,
  queueDepth,
  sendBody,
  sesEventJson,
  signedQueueFlow,
  sqsClient,
} from "../helpers/queuePlatform";

jest.setTimeout(120_000);

// Long enough that a round (trigger run plus its batches) ends before a message comes back.
const VISIBILITY = 5;
const MAX_RECEIVE = 3;

describeWithFauxqs(
  "SES Events From SQS: every event handed to a successful flow once, nothing lost",
  () => {
    const { fauxqs: server } = useFauxqsAndSns();

    it("survives duplicates, forgeries, malformed messages and failing batches", async () => {
      const sqs = sqsClient(server().endpoint);
      const { queueUrl, dlqUrl } = await createQueueWithDlq(sqs, "fault", MAX_RECEIVE);
      const snsId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
      const genuine = Array.from({ length: 40 }, (_, n) =>
        envelopeBody(sesEventJson(n % 2 ? bouncePermanent : delivery, `ses-${n}`), snsId(n)),
      );
      // Events 0-4 fail their first flow (they come back), events 5-6 fail every time (poison).
      const flaky = new Set([0, 1, 2, 3, 4].map((n) => `sns:${snsId(n)}`));
      const poison = new Set([5, 6].map((n) => `sns:${snsId(n)}`));
      const forged = [0, 1, 2].map((n) =>
        genuine[n].replace(/"Message":"\{/, '"Message":"{\\"forged\\":1,'),
      );
      const foreign = [0, 1].map((n) =>
        envelopeBody(
          sesEventJson(bouncePermanent, `foreign-${n}`),
          snsId(900 + n),
          "arn:aws:sns:us-east-1:999999999999:attacker",
        ),
      );
      const malformed = ["not json", '{"Type":"Notification"}', "{}"];
      for (const body of [
        ...genuine,
        ...genuine.slice(10, 20),
        ...forged,
        ...foreign,
        ...malformed,
      ]) {
        await sendBody(sqs, queueUrl, body);
      }

      const instance = signedQueueFlow(queueUrl, server().endpoint, VISIBILITY, 100);
      const succeeded = new Map<string, number>();
      const handedOver = new Map<string, number>();
      const failuresSoFar = new Map<string, number>();
      const messagesPerKey = new Map<string, Set<string>>();
      for (let round = 1; round <= 12; round += 1) {
        const items = await instance.runTrigger();
        for (const item of items) {
          const key = item.queue.deliveryKey;
          handedOver.set(key, (handedOver.get(key) ?? 0) + 1);
          messagesPerKey.set(key, (messagesPerKey.get(key) ?? new Set()).add(item.queue.messageId));
        }
        for (let start = 0; start < items.length; start += 5) {
          const batch = items.slice(start, start + 5);
          const fails = batch.some((item) => {
            const key = item.queue.deliveryKey;
            return poison.has(key) || (flaky.has(key) && !failuresSoFar.has(key));
          });
          if (fails) for (const item of batch) failuresSoFar.set(item.queue.deliveryKey, 1);
          if (await instance.runBatch(batch, !fails)) {
            for (const item of batch) {
              const key = item.queue.deliveryKey;
              succeeded.set(key, (succeeded.get(key) ?? 0) + 1);
            }
          }
        }
        if (round === 1) {
          // Copies that arrive after the first copy's execution ended: all must be dropped.
          for (const n of [20, 21, 22, 23, 24, 30, 31]) await sendBody(sqs, queueUrl, genuine[n]);
        }
        if ((await queueDepth(sqs, queueUrl)) === 0) break;
        await sleep(VISIBILITY * 1000 + 300);
      }

      expect(await queueDepth(sqs, queueUrl)).toBe(0);
      const dead = await drainBodies(sqs, dlqUrl);
      const deadKeys = dead
        .filter((body) => genuine.includes(body))
        .map((body) => `sns:${JSON.parse(body).MessageId}`);
      // Every genuine event: exactly one successful flow, or (only if its batch kept failing) the DLQ.
      for (let n = 0; n < genuine.length; n += 1) {
        const key = `sns:${snsId(n)}`;
        const ok = succeeded.get(key) ?? 0;
        const inDlq = deadKeys.filter((dead) => dead === key).length;
        expect({ key, outcomes: ok + (inDlq > 0 ? 1 : 0), ok: ok <= 1 }).toEqual({
          key,
          outcomes: 1,
          ok: true,
        });
      }
      for (const key of poison) {
        expect(succeeded.get(key) ?? 0).toBe(0);
        expect(handedOver.get(key)).toBe(MAX_RECEIVE);
      }
      // Flaky events failed once, came back, and succeeded.
      for (const key of flaky) expect(succeeded.get(key)).toBe(1);
      // Forged, foreign and malformed messages: never handed over, never deleted: in the DLQ.
      for (const body of [...forged, ...foreign, ...malformed]) expect(dead).toContain(body);
      for (const n of [900, 901]) expect(handedOver.has(`sns:${snsId(n)}`)).toBe(false);
      // 17 duplicate copies (10 sent with their first copy, 7 after it was acknowledged): none was
      // handed over; every event was handed over in one SQS message only.
      const copiesHandedOver = [...messagesPerKey.values()].filter((ids) => ids.size > 1);
      expect(copiesHandedOver).toEqual([]);
    });
  },
);
