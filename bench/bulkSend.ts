import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { accessKeyConnection } from "../src/connections";
import { bulkSendParams } from "../test/helpers/bulkParams";
import { startRateLimitedSes } from "../test/helpers/rateLimitedSes";

const RATE = 200;
const DESTINATIONS = 10_000;
const CALL_FAILURE = 0.01;
const ENTRY_FAILURE = 0.02;

export async function benchBulkSend() {
  const ses = await startRateLimitedSes({
    rate: RATE,
    callFailure: CALL_FAILURE,
    entryFailure: ENTRY_FAILURE,
  });
  try {
    const destinations = Array.from({ length: DESTINATIONS }, (_, i) => ({
      to: `user${i}@example.com`,
      templateData: { i },
    }));
    const connection = createConnection(accessKeyConnection, {
      accessKeyId: "AKIABENCH00000000001",
      secretAccessKey: "bench-secret-not-real",
    });
    const result = (await createHarness(component).action("sendBulkTemplatedEmail", {
      ...bulkSendParams(connection, ses.url),
      destinations,
      maxSendRate: String(RATE),
    })) as { data: { succeeded: number; results: { index: number; status: string }[] } };

    const outcomes = result.data.results;
    const reported = new Set(outcomes.map((o) => o.index));
    const lost =
      DESTINATIONS -
      reported.size +
      outcomes.filter(
        (o) => o.status === "SUCCESS" && !ses.accepted.has(`user${o.index}@example.com`),
      ).length +
      [...ses.accepted.keys()].filter(
        (to) => outcomes[Number(to.slice(4, to.indexOf("@")))]?.status !== "SUCCESS",
      ).length;
    const duplicated = [...ses.accepted.values()].filter((count) => count > 1).length;
    const elapsedS = (ses.stats.last - ses.stats.first) / 1000;
    const achievedRate = ses.accepted.size / elapsedS;
    const row = {
      destinations: DESTINATIONS,
      elapsedS,
      achievedRate,
      fraction: achievedRate / RATE,
      calls: ses.stats.calls,
      throttled: ses.stats.throttled,
      serverErrors: ses.stats.serverErrors,
      transientEntries: ses.stats.transientEntries,
      lost,
      duplicated,
      callFailurePercent: CALL_FAILURE * 100,
      entryFailurePercent: ENTRY_FAILURE * 100,
    };
    console.log(
      `  ${ses.accepted.size}/${DESTINATIONS} delivered in ${elapsedS.toFixed(1)} s = ${achievedRate.toFixed(1)}/s (${((achievedRate / RATE) * 100).toFixed(1)}% of ${RATE}/s); ${row.calls} calls, ${row.throttled} throttled, ${row.serverErrors} 5xx, ${row.transientEntries} transient entries; lost ${lost}, duplicated ${duplicated}`,
    );
    return row;
  } finally {
    await ses.close();
  }
}
