import { setTimeout as sleep } from "node:timers/promises";
import { IntakeLedger } from "../../src/intake/intakeLedger";
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

jest.setTimeout(180_000);

const VISIBILITY = 4;
const MAX_RECEIVE = 3;
const snsId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describeWithFauxqs(
  "SES Events From SQS under concurrent batch executions (state written whole, last writer wins)",
  () => {
    const { fauxqs: server } = useFauxqsAndSns();

    it.each([2, 4])(
      "hands every event to one successful execution with %i batches at a time, copies included",
      async (concurrency) => {
        const sqs = sqsClient(server().endpoint);
        const { queueUrl, dlqUrl } = await createQueueWithDlq(
          sqs,
          `concurrent-${concurrency}`,
          MAX_RECEIVE,
        );
        const genuine = Array.from({ length: 160 }, (_, n) =>
          envelopeBody(sesEventJson(n % 2 ? bouncePermanent : delivery, `ses-${n}`), snsId(n)),
        );
        // Events 0-9 fail their first execution (and take their batch down with them).
        const flaky = new Set(Array.from({ length: 10 }, (_, n) => `sns:${snsId(n * 16)}`));
        // Second SNS copies of 40 events arrive with the first ones.
        for (const body of [...genuine, ...genuine.slice(0, 40)])
          await sendBody(sqs, queueUrl, body);

        const instance = signedQueueFlow(queueUrl, server().endpoint, VISIBILITY, 400);
        const succeeded = new Map<string, number>();
        const carriers = new Map<string, Set<string>>();
        const failedOnce = new Set<string>();
        for (let round = 1; round <= 8; round += 1) {
          const items = await instance.runTrigger();
          for (const item of items) {
            const key = item.queue.deliveryKey;
            carriers.set(key, (carriers.get(key) ?? new Set()).add(item.queue.messageId));
          }
          const done = await instance.runBatchesConcurrently(items, {
            batchSize: 10,
            concurrency,
            fails: (batch) => {
              const first = batch.filter(
                (item) =>
                  flaky.has(item.queue.deliveryKey) && !failedOnce.has(item.queue.deliveryKey),
              );
              for (const item of first) failedOnce.add(item.queue.deliveryKey);
              return first.length > 0;
            },
          });
          for (const item of done.flat()) {
            succeeded.set(item.queue.deliveryKey, (succeeded.get(item.queue.deliveryKey) ?? 0) + 1);
          }
          if (round === 1) {
            // Copies delivered after the first copies' executions ended and their visibility
            // window passed: the trigger must still know them.
            await sleep(VISIBILITY * 1000 + 300);
            for (const body of genuine.slice(100, 140)) await sendBody(sqs, queueUrl, body);
          }
          if ((await queueDepth(sqs, queueUrl)) === 0) break;
          await sleep(VISIBILITY * 1000 + 300);
        }

        expect(await queueDepth(sqs, queueUrl)).toBe(0);
        expect(await drainBodies(sqs, dlqUrl)).toEqual([]);
        // Every event went to exactly one successful execution...
        const outcomes = genuine.map((_, n) => succeeded.get(`sns:${snsId(n)}`) ?? 0);
        expect(outcomes.filter((count) => count !== 1)).toEqual([]);
        // ...in one SQS message only: no copy was ever handed over.
        expect([...carriers.values()].filter((ids) => ids.size > 1)).toEqual([]);
        // The failed batches' events came back and succeeded the second time.
        for (const key of flaky) expect(succeeded.get(key)).toBe(1);
      },
    );

    it.each([true, false])(
      "records each event once over a run of many pages (pages share state: %s)",
      async (pagesShareState) => {
        const sqs = sqsClient(server().endpoint);
        const { queueUrl } = await createQueueWithDlq(sqs, `pages-${pagesShareState}`, MAX_RECEIVE);
        const genuine = Array.from({ length: 60 }, (_, n) =>
          envelopeBody(sesEventJson(delivery, `ses-${n}`), snsId(n)),
        );
        // Second SNS copies of 20 events, in the same run.
        for (const body of [...genuine, ...genuine.slice(0, 20)])
          await sendBody(sqs, queueUrl, body);
        const instance = signedQueueFlow(queueUrl, server().endpoint, 120, 200);
        const ledgerSize = () => {
          const internal = instance.instanceState.__prismaticInternal as {
            polling: { ledger: unknown };
          };
          return IntakeLedger.read(internal.polling.ledger).size;
        };

        const items = await instance.runTrigger({ pagesShareState });
        const keys = items.map((item) => item.queue.deliveryKey);
        expect(new Set(keys).size).toBe(60);
        expect(keys).toHaveLength(60);
        expect(ledgerSize()).toBe(60);

        // Every event again, while the first copies are still with their flows: all dropped.
        for (const body of genuine) await sendBody(sqs, queueUrl, body);
        expect(await instance.runTrigger({ pagesShareState })).toEqual([]);
        expect(ledgerSize()).toBe(60);
      },
    );

    it("cannot be poisoned: Acknowledge with items the trigger never handed over suppresses nothing, and a re-sent envelope is never handed over twice", async () => {
      const sqs = sqsClient(server().endpoint);
      const { queueUrl, dlqUrl } = await createQueueWithDlq(sqs, "poison", 2);
      const instance = signedQueueFlow(queueUrl, server().endpoint, VISIBILITY, 100);
      // A flow acknowledges items built from anything but the trigger's output: the keys of
      // events that have not arrived yet, with receipt handles SQS never issued.
      const made = [0, 1, 2].map((n) => ({
        sns: null,
        event: {},
        queue: {
          url: queueUrl,
          messageId: `00000000-0000-4000-8000-00000000000${n}`,
          receiptHandle: `made-up-${n}`,
          receiveCount: 1,
          sentAt: null,
          deliveryKey: `sns:${snsId(500 + n)}`,
        },
      }));
      // biome-ignore lint/suspicious/noExplicitAny: deliberately not the trigger's items
      const [done] = await instance.runBatchesConcurrently(made as any, {
        batchSize: 10,
        concurrency: 1,
        fails: () => false,
      });
      expect(done).toHaveLength(3);
      expect(instance.crossFlowState).toEqual({});

      // The genuine events arrive: every one goes to a flow. One was signed two hours before it
      // reached the queue (SNS retried), so a re-sent copy of it is recognisably late.
      const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
      const genuine = [0, 1, 2].map((n) =>
        envelopeBody(
          sesEventJson(bouncePermanent, `ses-${500 + n}`),
          snsId(500 + n),
          undefined,
          n === 2 ? twoHoursAgo : undefined,
        ),
      );
      for (const body of genuine) await sendBody(sqs, queueUrl, body);
      const first = await instance.runTrigger();
      expect(first.map((item) => item.queue.deliveryKey).sort()).toEqual(
        made.map((item) => item.queue.deliveryKey).sort(),
      );
      await instance.runBatchesConcurrently(first, {
        batchSize: 10,
        concurrency: 2,
        fails: () => false,
      });

      // An insider re-sends the captured envelopes: the late one is left for the dead-letter
      // queue, the others are copies of events a message carried, and are deleted.
      for (const body of genuine) await sendBody(sqs, queueUrl, body);
      for (let round = 0; round < 3; round += 1) {
        expect(await instance.runTrigger()).toEqual([]);
        if ((await queueDepth(sqs, queueUrl)) === 0) break;
        await sleep(VISIBILITY * 1000 + 300);
      }
      expect(await drainBodies(sqs, dlqUrl)).toEqual([genuine[2]]);
    });
  },
);
