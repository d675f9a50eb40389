/**
 * `npm run bench`: every benchmark, each as a ratio to a bare baseline measured in the same run,
 * plus absolute figures; writes bench/RESULTS.md with the machine and date.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { benchBulkAcrossRuns } from "./bulkAcrossRuns";
import { benchBulkBudgetStop } from "./bulkBudgetStop";
import { benchBulkFileMemory } from "./bulkFileMemory";
import { benchBulkSend } from "./bulkSend";
import { benchBundle } from "./bundle";
import { benchColdStart } from "./coldStart";
import { benchInboundPipeline, MEMORY_ROUNDS } from "./inboundPipeline";
import { benchMailPolling, POLL_ROUNDS } from "./mailPolling";
import { fmt, mb, repoPath } from "./measure";
import { benchQueueIntake, QUEUE_ROUNDS } from "./queueIntake";
import { benchRoleCredentials } from "./roleCredentials";
import { fmtSpread, type Spread, type Verdict, verdictOf } from "./rounds";
import { benchSnsVerification, SNS_ROUNDS } from "./snsVerification";
import { benchWebhookIntake, WEBHOOK_ROUNDS } from "./webhookIntake";

async function main() {
  const only = process.argv[2];
  const want = (name: string) => !only || only === name;
  const machine = `${cpus()[0]?.model ?? "unknown CPU"} x${cpus().length}, ${mb(totalmem())} RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
  console.log(`Machine: ${machine}\n`);
  const sections: string[] = [];
  const verdicts: string[] = [];
  // A verdict from rounds (verdictOf) says "not settled" when the spread crosses the target.
  const target = (met: boolean | Verdict, text: string) =>
    verdicts.push(`- ${typeof met === "string" ? met : met ? "Met" : "**Missed**"}: ${text}`);

  if (want("inbound")) {
    console.log("1. Fetch + decrypt + parse (AES-GCM, in-memory S3 and KMS)");
    const rows = await benchInboundPipeline();
    // Peak memory targets (#24): at most 2.5x the message at 30 MB, and at 1 MB no more than
    // the 32.0x measured before the byte-exact reader (bench/RESULTS.md of 2026-12-03).
    const memoryTarget: Record<string, number> = { "1 MB": 32, "30 MB": 2.5 };
    for (const r of rows) {
      target(
        verdictOf({ median: r.ratio, min: r.ratioMin, max: r.ratioMax }, (value) => value <= 1.5),
        `fetch+decrypt+parse ${r.label} at ${fmt(r.ratio)}× the bare baseline (rounds ${fmt(r.ratioMin)}–${fmt(r.ratioMax)}×; target ≤ 1.5×)`,
      );
      const limit = memoryTarget[r.label];
      if (limit !== undefined) {
        target(
          verdictOf(
            { median: r.peakRssRatio, min: r.peakRssMin, max: r.peakRssMax },
            (value) => value <= limit,
          ),
          `peak extra memory for ${r.label} at ${fmt(r.peakRssRatio)}× the message (${fmt(r.peakRssMin)}–${fmt(r.peakRssMax)}×; target ≤ ${limit}×; the bare baseline: ${fmt(r.bareRss / r.bytes)}×)`,
        );
      }
    }
    sections.push(
      [
        "## 1. Fetch + decrypt + parse of encrypted received mail",
        "Ours: S3 object stream (in memory, 64 KB chunks) read into one buffer → envelope → context checks → KMS unwrap (stub) → AES-256-GCM decrypt in place and tag check → byte-exact MIME reader for the attachment + postal-mime for headers and text. Baseline: bare `createDecipheriv('aes-256-gcm')` + postal-mime's whole parse of the same bytes. Time: alternating rounds (ours first, then bare first), the median ratio with the rounds' spread. Peak extra RSS: fresh processes, " +
          `${MEMORY_ROUNDS} per pipeline, alternating; median with spread. Cold: the process's first call, code loading included (the S3 client and the parser load on first use; the baseline's parser is loaded before it starts), as this section always measured. Warm: after one 1 KB mail, what the message itself costs. Targets (cold): time ≤ 1.5× baseline; peak extra memory ≤ 2.5× the message at 30 MB and ≤ 32× (the earlier figure) at 1 MB; 10 MB and 40 MB reported.`,
        "",
        "| Message | Ours (ms) | Baseline (ms) | Ratio (rounds) | Peak extra RSS, cold | × message size (spread) | Baseline, cold | Warm: ours (× message) | Warm: baseline |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ...rows.map(
          (r) =>
            `| ${r.label} (${r.bytes} B) | ${fmt(r.oursMs)} | ${fmt(r.bareMs)} | ${fmt(r.ratio)}× (${fmt(r.ratioMin)}–${fmt(r.ratioMax)}) | ${mb(r.peakRss)} | ${fmt(r.peakRssRatio)}× (${fmt(r.peakRssMin)}–${fmt(r.peakRssMax)}) | ${mb(r.bareRss)} | ${mb(r.warmRss)} (${fmt(r.warmRss / r.bytes)}×) | ${mb(r.warmBareRss)} |`,
        ),
      ].join("\n"),
    );
  }
  if (want("sns")) {
    console.log("\n2. SNS signature verification (warm certificate cache)");
    const r = await benchSnsVerification();
    const pct = (spread: Spread) =>
      fmtSpread(
        { median: spread.median * 100, min: spread.min * 100, max: spread.max * 100 },
        1,
        "%",
      );
    for (const row of r) {
      target(
        verdictOf(row.toVerifier, (value) => value >= 0.95),
        `SNS ${row.version} verification at ${pct(row.toVerifier)} of a verifier's own work (string to sign, signature decoding, crypto.verify; target ≥ 95%); ${pct(row.toBare)} of bare crypto.verify`,
      );
      target(
        row.fetches === 1,
        `${row.fetches} certificate fetch(es) per 10,000 messages (target 1)`,
      );
    }
    sections.push(
      [
        "## 2. SNS signature verification",
        `Ours: \`verifySnsMessageNow\` (type, topic, age and certificate-URL checks, cached public key, string to sign, signature decoding, RSA verify) with a warm cache. Baselines, with the same message and key: a verifier's own work (the string to sign written out by hand, the signature decoded, \`crypto.verify\`) and bare \`crypto.verify\` with both precomputed. ${SNS_ROUNDS} rounds (after 2 warm-up rounds), each interleaving 60 runs of 40 calls of all three, the order rotating; the median of the per-round ratios with their spread. Target ≥ 95% of the verifier baseline (a spread that crosses it is not settled); 1 certificate fetch per 10,000 messages from one URL.`,
        "",
        "| Signature | Ours (verifications/s) | Verifier baseline (/s) | Bare verify (/s) | Ours / verifier baseline (rounds) | Ours / bare verify (rounds) | Certificate fetches for 10,000 messages |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        ...r.map(
          (row) =>
            `| ${row.version} | ${fmt(row.ours, 0)} | ${fmt(row.verifier, 0)} | ${fmt(row.bare, 0)} | ${pct(row.toVerifier)} | ${pct(row.toBare)} | ${row.fetches} |`,
        ),
      ].join("\n"),
    );
  }
  if (want("bulk")) {
    console.log("\n3. Bulk send (10,000 destinations, local SES endpoint enforcing 200/s)");
    const r = await benchBulkSend();
    target(
      r.fraction >= 0.95,
      `bulk send at ${fmt(r.fraction * 100, 1)}% of the allowed rate (target ≥ 95%)`,
    );
    target(
      r.lost === 0 && r.duplicated === 0,
      `bulk send lost ${r.lost} and duplicated ${r.duplicated} destinations (target 0)`,
    );
    sections.push(
      [
        "## 3. Bulk send",
        `Send Bulk Templated Email (the component, through Spectral's harness) with 10,000 destinations and Max Send Rate 200 against a local SES v2 endpoint that allows 200 recipients/s (token bucket, burst 200) and answers 429 TooManyRequests past it, fails ${r.callFailurePercent}% of calls with HTTP 500 and ${r.entryFailurePercent}% of entries with TRANSIENT_FAILURE. Targets: achieved rate ≥ 95% of the allowed rate; 0 destinations lost or duplicated.`,
        "",
        "| Destinations | Elapsed (s) | Achieved rate (/s) | Of allowed 200/s | SES calls | 429s | 500s | Transient entries | Lost | Duplicated |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        `| ${r.destinations} | ${fmt(r.elapsedS, 1)} | ${fmt(r.achievedRate, 1)} | ${fmt(r.fraction * 100, 1)}% | ${r.calls} | ${r.throttled} | ${r.serverErrors} | ${r.transientEntries} | ${r.lost} | ${r.duplicated} |`,
      ].join("\n"),
    );
  }
  if (want("bulkRuns")) {
    console.log(
      "\n3b. Bulk send across runs (1,000,000 destinations at 14/s, 10-minute budget, simulated time)",
    );
    const r = await benchBulkAcrossRuns();
    console.log(
      `  ${r.runs} runs, longest ${fmt(r.longestRunS, 1)} s (budget ${r.budgetS} s); simulated ${fmt(r.simulatedS / 3600, 2)} h vs ideal ${fmt(r.idealS / 3600, 2)} h; lost ${r.lost}, duplicated ${r.duplicated}; ${fmt(r.wallS, 1)} s wall`,
    );
    target(
      r.lost === 0 && r.duplicated === 0 && r.notExactlyOneOutcome === 0,
      `1,000,000 destinations over ${r.runs} runs: lost ${r.lost}, duplicated ${r.duplicated}, without exactly one outcome ${r.notExactlyOneOutcome} (target 0)`,
    );
    target(
      r.longestOverBudgetMs <= 100,
      `longest run ${fmt(r.longestRunS, 1)} s for a ${r.budgetS} s budget (target: budget plus one call, ${100} ms)`,
    );
    console.log(
      "\n3c. Time from budget expiry to return (real time, local SES with 80 ms latency, 2/s)",
    );
    const stop = await benchBulkBudgetStop();
    console.log(
      `  returned ${stop.medianOverrunMs} ms (median), ${stop.maxOverrunMs} ms (max) after the budget; one call ${stop.callLatencyMs} ms; pacing wait ${stop.pacingWaitMs} ms`,
    );
    target(
      stop.maxOverrunMs <= stop.callLatencyMs * 2,
      `the action returned at most ${stop.maxOverrunMs} ms after its budget; one SES call took ${stop.callLatencyMs} ms, the pacing wait it skipped ${stop.pacingWaitMs} ms (target: about one call, ≤ 2× its latency)`,
    );
    sections.push(
      [
        "## 3b. Bulk send across executions (Time Budget + Resume Cursor)",
        `The bulk sender and the resume cursor exactly as the action drives them, run after run, on ${r.destinations.toLocaleString("en-US")} destinations at ${r.rate}/s (SES's default rate) with the default 600 s Time Budget, in simulated time, against a simulated SES (${"60"} ms per call) that throttles every 40th call and answers 1% of entries TRANSIENT_FAILURE once. Targets: 0 lost, 0 duplicated, exactly one outcome each; every run within its budget plus one call.`,
        "",
        "| Destinations | Runs | Longest run | Over budget | Simulated time | Ideal at the rate | SES calls | Lost | Duplicated | Not exactly one outcome | Wall time |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        `| ${r.destinations} | ${r.runs} | ${fmt(r.longestRunS, 1)} s | ${r.longestOverBudgetMs} ms | ${fmt(r.simulatedS / 3600, 2)} h | ${fmt(r.idealS / 3600, 2)} h | ${r.calls} | ${r.lost} | ${r.duplicated} | ${r.notExactlyOneOutcome} | ${fmt(r.wallS, 1)} s |`,
        "",
        "## 3c. From budget expiry to the action returning",
        `Send Bulk Templated Email (the component, through Spectral's harness), ${stop.runs} runs with a ${stop.budgetS} s budget at ${stop.rate}/s against the rate-limited local SES answering after ${"80"} ms: between calls the action waits about ${stop.pacingWaitMs} ms for the rate. Overrun = the run's length minus its budget: negative when the run returned before its budget because the next call could only have started after it (the action does not wait for a start it will not make); positive at most one call in flight.`,
        "",
        "| Runs | Budget | Median overrun | Max overrun | One SES call (median) | Pacing wait skipped |",
        "| --- | --- | --- | --- | --- | --- |",
        `| ${stop.runs} | ${stop.budgetS} s | ${stop.medianOverrunMs} ms | ${stop.maxOverrunMs} ms | ${stop.callLatencyMs} ms | ${stop.pacingWaitMs} ms |`,
      ].join("\n"),
    );
  }
  if (want("bulkFile")) {
    console.log(
      "\n3d. Peak memory of a run: Destinations File (s3rver) of 10,000 to 1,000,000 lines vs inline",
    );
    const rows = await benchBulkFileMemory();
    const files = rows.filter((row) => row.mode === "file");
    const smallest = files[0].peakRss;
    const largest = files[files.length - 1].peakRss;
    target(
      largest <= smallest * 1.25,
      `a run's peak extra memory with a 1,000,000-line file is ${mb(largest)}, with a 10,000-line file ${mb(smallest)} (${fmt(largest / smallest)}×; target: bounded, ≤ 1.25×)`,
    );
    sections.push(
      [
        "## 3d. A run's peak memory: Destinations File against an inline list",
        "One run of Send Bulk Templated Email (5 s budget at 2,000/s, so about 10,000 sends whatever the list's length) in a fresh process each, its list a JSON Lines Destinations File in s3rver, or the same list inline (generated in the process, as an earlier step's output would be held). Peak extra RSS above the process before the run. Target: the file's figure does not grow with the list.",
        "",
        "| List | Destinations | File size | Sent in the run | Peak extra RSS |",
        "| --- | --- | --- | --- | --- |",
        ...rows.map(
          (row) =>
            `| ${row.mode === "file" ? "Destinations File" : "inline"} | ${row.count.toLocaleString("en-US")} | ${row.fileBytes ? mb(row.fileBytes) : "-"} | ${row.sent} | ${mb(row.peakRss)} |`,
        ),
        "",
        "An inline list of 1,000,000 is not measured: it would have to pass through a step result first, and Prismatic refuses results over about 128 MB.",
      ].join("\n"),
    );
  }
  if (want("role")) {
    console.log("\n4. Role credentials");
    const r = await benchRoleCredentials();
    const withinSession = r.find((row) => row.spread === "54 minutes");
    target(
      withinSession?.stsCalls === 1,
      `${withinSession?.stsCalls} AssumeRole call(s) for 1,000 actions within one session (target 1)`,
    );
    sections.push(
      [
        "## 4. Role credentials (AWS Role ARN connection)",
        "List Identities through the component against a local fake STS + SES endpoint (real SDK signing and STS XML parsing), with the clock advanced between actions. Session duration 3600 s; credentials are renewed 5 minutes before expiry. Target: 1 AssumeRole for 1,000 actions within an hour of one session.",
        "",
        "| Actions | Spread over | AssumeRole calls |",
        "| --- | --- | --- |",
        ...r.map((row) => `| ${row.actions} | ${row.spread} | ${row.stsCalls} |`),
      ].join("\n"),
    );
  }
  if (want("intake")) {
    console.log("\n6. SES event intake: SQS trigger and webhook trigger");
    const [major, minor] = process.versions.node.split(".").map(Number);
    const queueSection: string[] = [];
    if (major < 22 || (major === 22 && minor < 5)) {
      queueSection.push("SQS: not measured: fauxqs needs Node >= 22.5.");
    } else {
      const r = await benchQueueIntake();
      const lateRate = 1 - r.lateHanded / r.lateCopies;
      const twinRate = 1 - r.twinHanded / r.twinCopies;
      for (const [label, spread] of [
        ["1", r.ratioOne],
        ["4", r.ratioFour],
      ] as const) {
        target(
          verdictOf(spread, (value) => value >= 0.6),
          `SQS trigger + Acknowledge at batch concurrency ${label}: ${fmtSpread(spread)} its bare baseline (target ≥ 0.6×)`,
        );
      }
      target(
        lateRate === 1,
        `duplicates arriving after the first copy's execution ended: ${fmt(lateRate * 100, 1)}% dropped (target 100%)`,
      );
      const ledger50k = r.ledger.find((l) => l.events === 50000);
      queueSection.push(
        `SQS: ${r.events} signed SNS envelopes in a fauxqs queue (in this process), read by the bundled SES Events From SQS trigger through Spectral's harness (pages of 10: receive, verify, normalise, hand over) and deleted by Acknowledge SES Events in batches of 10, 1 or 4 batch executions at a time; every page and batch execution loads the state from JSON when it starts and saves it as JSON when it ends, as the platform stores it. Baseline: the same receive (10 at a time), JSON parse, RSA verify and delete by hand. ${QUEUE_ROUNDS} paired rounds (a fresh queue each, the order rotating), the median of the per-round ratios with their spread. Target ≥ 0.6× the baseline at concurrency 1 and 4.`,
        "",
        "| Path | Ours (events/s) | Bare baseline (events/s) | Ours / baseline (rounds) |",
        "| --- | --- | --- | --- |",
        `| SQS trigger + acknowledge, batch concurrency 1 | ${fmt(r.oursPerSecond, 0)} | ${fmt(r.barePerSecond, 0)} | ${fmtSpread(r.ratioOne)} |`,
        `| SQS trigger + acknowledge, batch concurrency 4 | ${fmt(r.oursFourPerSecond, 0)} | ${fmt(r.barePerSecond, 0)} | ${fmtSpread(r.ratioFour)} |`,
        "",
        "| Duplicates | Copies | Handed over again | Dropped |",
        "| --- | --- | --- | --- |",
        `| every event sent again after its first copy was acknowledged | ${r.lateCopies} | ${r.lateHanded} | ${fmt(lateRate * 100, 1)}% |`,
        `| events sent twice at once (both copies in the queue together) | ${r.twinCopies} | ${r.twinHanded} | ${fmt(twinRate * 100, 1)}% |`,
        "",
        "The fault tests (`test/queue/queueIntake.bundle.test.ts`, `test/queue/concurrentBatches.bundle.test.ts`) check the same with failing batches, 2 and 4 batch executions at a time, forged and malformed messages, made-up acknowledgements, re-sent envelopes, runs of many pages with and without state passed between pages, and a dead-letter queue: no copy handed over twice, none recorded twice.",
        "",
        `State: the trigger's ledger is its only per-event state (Acknowledge writes none; kept for Max Message Age, at most 100,000 events); the instance state after a round of ${r.events} events was ${fmt(r.stateBytes / 1024, 1)} KB. After 50,000 events: ${mb(ledger50k?.bytes ?? 0)}.`,
        "",
        "| Hand-overs in the ledger | Stored (JSON) | Bytes an event | Save + load as JSON | One event's ledger work (look up, record) |",
        "| --- | --- | --- | --- | --- |",
        ...r.ledger.map(
          (l) =>
            `| ${l.events.toLocaleString("en-US")} | ${mb(l.bytes)} | ${fmt(l.bytes / l.events, 1)} | ${fmt(l.saveLoadMs, 1)} ms | ${fmt(l.perEventUs, 1)} µs |`,
        ),
      );
    }
    const w = await benchWebhookIntake();
    for (const row of w) {
      target(
        verdictOf(row.toBare, (value) => value <= 5),
        `webhook trigger with ${row.logEntries.toLocaleString("en-US")} IDs in its delivery log: ${fmtSpread(row.toBare)} the time of a bare parse + verify (target ≤ 5×); with the state saved and loaded as JSON ${fmtSpread(row.savedToBare)}`,
      );
    }
    const webhookSection = [
      `Webhook: one SNS delivery per execution through the bundled SES Notification trigger (Spectral's harness), its delivery log holding 250 recent IDs, or full at 2,000 (each chunk of 50 deliveries starts from the same state, so the log stays at its size; the full log starts at 1,951, so each chunk's last delivery goes past the bound and sweeps out the oldest 5%, twice as often as a full log in use). Baselines: a bare parse + verify + event parse of the same messages, and the floor: a no-op Spectral trigger with the same inputs in the same harness (\`bench/floor/noopTrigger.ts\`). "Saved": each execution also loads its state from JSON and saves it as JSON, as the platform stores it. ${WEBHOOK_ROUNDS} rounds (after 2 warm-up rounds), each interleaving 24 chunks of every measurement, the order rotating; medians of the per-round ratios of time per event, with their spread. Target: ≤ 5× the bare parse + verify at both sizes.`,
      "",
      "| Log entries | State | Ours (deliveries/s) | Saved (/s) | Floor trigger (/s) | Bare (/s) | Ours / bare, time (rounds) | Saved / bare | Ours / (floor + bare) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...w.map(
        (row) =>
          `| ${row.logEntries.toLocaleString("en-US")} | ${fmt(row.stateBytes / 1024, 1)} KB | ${fmt(row.ours, 0)} | ${fmt(row.oursSaved, 0)} | ${fmt(row.floor, 0)} | ${fmt(row.bare, 0)} | ${fmtSpread(row.toBare)} | ${fmtSpread(row.savedToBare)} | ${fmtSpread(row.toFloorPlusBare)} |`,
      ),
    ];
    sections.push(
      [
        "## 6. SES event intake: SQS trigger and webhook trigger",
        ...queueSection,
        "",
        ...webhookSection,
      ].join("\n"),
    );
    if (only) console.log(sections[sections.length - 1]);
  }
  if (want("polling")) {
    console.log("\n8. New Received Email: draining 1,000 stored mails");
    const r = await benchMailPolling();
    target(
      r.lost === 0 && r.repeats === 0,
      `New Received Email drained ${r.mails.toLocaleString("en-US")} mails ${POLL_ROUNDS + 1} times: lost ${r.lost}, handed over twice ${r.repeats} (target 0)`,
    );
    sections.push(
      [
        "## 8. New Received Email: draining stored mail",
        `${r.mails.toLocaleString("en-US")} encrypted mails (about 6 KB each: text and a 4 KB attachment) in s3rver, their data keys wrapped by the demo's local KMS. Ours: the bundled New Received Email trigger through Spectral's harness, Process Existing Mail on, ${r.perPoll} mails per poll, the poll's state saved and loaded as JSON between polls, until a poll finds nothing (${r.pollsPerDrain.toFixed(0)} polls a drain; each lists the prefix, reads, decrypts, authenticates and parses). Baseline: the same by hand: list, GetObject, KMS Decrypt, AES-256-GCM decrypt, postal-mime parse. ${POLL_ROUNDS} paired rounds after a warm-up, the order alternating; the median of the per-round ratios with their spread. No target beyond 0 lost and 0 repeated: reported.`,
        "",
        "| Mails | Ours (mails/s) | Bare (mails/s) | Ours / bare (rounds) | Lost | Handed over twice |",
        "| --- | --- | --- | --- | --- | --- |",
        `| ${r.mails.toLocaleString("en-US")} | ${fmt(r.ours, 0)} | ${fmt(r.bare, 0)} | ${fmtSpread(r.ratio)} | ${r.lost} | ${r.repeats} |`,
      ].join("\n"),
    );
    if (only) console.log(sections[sections.length - 1]);
  }
  if (want("bundle")) {
    console.log("\n5. Bundle");
    const r = benchBundle();
    sections.push(
      [
        "## 5. Bundle",
        "| dist/index.js | Cold `require` (median of 7 fresh processes) | Bare `node -e 0` startup |",
        "| --- | --- | --- |",
        `| ${mb(r.bytes)} (${r.bytes} B) | ${fmt(r.requireMs, 0)} ms | ${fmt(r.nodeMs, 0)} ms |`,
      ].join("\n"),
    );
  }

  if (want("coldstart")) {
    console.log("\n7. Cold start: fresh processes, paired against a floor component");
    const r = await benchColdStart();
    const [load, list] = r.rows;
    target(
      verdictOf(load.ratio, (value) => value <= 1.1),
      `loading the component takes ${fmtSpread(load.ratio)} the floor's (target ≤ 1.10×)`,
    );
    target(
      verdictOf(list.ratio, (value) => value <= 1.2),
      `start → first List Identities result takes ${fmtSpread(list.ratio)} the floor's start → no-op result (target ≤ 1.20×)`,
    );
    target(
      verdictOf(list.extraRss, (value) => value <= 8),
      `peak memory of a List Identities process is the floor's + ${fmtSpread(list.extraRss, 1, " MiB")} (target ≤ + 8 MiB)`,
    );
    sections.push(
      [
        "## 7. Cold start",
        `Each figure is the median of ${15} fresh processes (spawn to exit), ours and the floor in pairs, the order alternating; ratios are the medians of the per-pair ratios, with their spread. The floor is a Spectral component with one no-op action (\`bench/floor/\`), bundled by the same webpack configuration. A step runs through the component's converted \`perform\` against a local SES endpoint, as the runner would call it. Bare \`node -e 0\`: ${fmt(r.bareMs, 0)} ms.`,
        "",
        "| Process | Ours (ms) | Floor (ms) | Ours / floor | Ours / bare node | Peak RSS ours | Peak RSS floor |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        ...r.rows.map(
          (row) =>
            `| ${row.label} | ${fmt(row.ours.wallMs, 0)} | ${fmt(row.floor.wallMs, 0)} | ${fmtSpread(row.ratio)} | ${fmt(row.ours.wallMs / r.bareMs)}× | ${fmt(row.ours.rssMiB, 1)} MiB | ${fmt(row.floor.rssMiB, 1)} MiB |`,
        ),
        "",
        "The floor's step is its no-op action in every row after the first. The SNS row verifies a signed delivery (certificate served in-process by `demo/localSns.js`). The Fetch Received Email row reads a 4 KB mail encrypted as SES stores it (AES-256-GCM, data key wrapped by the demo's KMS stand-in) from a local S3 endpoint, decrypts, authenticates and parses it.",
      ].join("\n"),
    );
    if (only) console.log(sections[sections.length - 1]);
  }

  if (!only) {
    const text = [
      "# Benchmark results",
      "",
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
      "Every figure comes from one run; ratios compare against a baseline measured in the same run, in paired or interleaved rounds, and are printed as the median of the per-round ratios with their spread (lowest–highest). A target is met only when every round meets it, missed when none does, and not settled when the spread crosses it.",
      "",
      "## Against the targets",
      ...verdicts,
      "",
      "Reading section 1: the cold memory figures include about 19 MB of code loaded on the first call (the S3 client chunk and the parser; see the 1 KB row), which is 0.6× of a 30 MB message, so the 30 MB target is met by a small margin (medians of 2.45× to 2.48× over the runs of 2026-12-04/05, single rounds from 2.27× to 2.51×). The warm figures are what a message costs once the code is loaded: the plaintext (decrypted in place) plus the decoded attachment, about 1.75× the message. At 1 KB the time ratio compares fractions of a millisecond (about 0.22 against 0.08 ms): the fixed cost of reading a stream, checking the envelope and reading the headers twice (the byte-exact reader, then postal-mime for the text).",
      "",
      ...sections.flatMap((section) => [section, ""]),
    ].join("\n");
    writeFileSync(repoPath("bench", "RESULTS.md"), text);
    console.log("\nWrote bench/RESULTS.md");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
