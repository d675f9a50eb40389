import type { BulkEmailEntry, BulkEmailEntryResult } from "@aws-sdk/client-sesv2";
import { type BulkDestination, MAX_DESTINATIONS_PER_CALL } from "./destinations";
import { BulkFeed, type FeedPosition, type InvalidEntry } from "./feed";
import { type Clock, Pacer, realClock } from "./pacer";

/** What happened to one destination. `status` is SES's entry status, or FAILED/NOT_SENT/UNKNOWN. */
export interface BulkOutcome {
  index: number;
  to: string[];
  status: string;
  messageId: string | null;
  error: string | null;
  attempts: number;
}

/** One SendBulkEmail call with these entries; its results are in the entries' order. */
export type SendBatch = (entries: BulkEmailEntry[]) => Promise<BulkEmailEntryResult[]>;

/** What one run of `sendBulk` did. */
export interface BulkRun {
  /** A final outcome for each destination this run settled, in input order. */
  outcomes: BulkOutcome[];
  /**
   * Destinations taken (or carried in) with no final outcome, in input order: SES said it did
   * not send them and their retry was not due before the stop, or the stop came first. Safe to
   * send later. The list's untaken rest starts at `position`.
   */
  unfinished: BulkDestination[];
  /** Items of the list that were not destinations, each its own final outcome. */
  rejected: InvalidEntry[];
  /** Where the list continues: its first item this run did not take. */
  position: FeedPosition;
  /** Why the run stopped before every destination had an outcome; null when none is left. */
  stoppedBy: "budget" | "abort" | null;
  abortReason: string | null;
}

/** Counts so far, after each SES call, for progress reports. */
export interface BulkProgress {
  settled: number;
  succeeded: number;
  unknown: number;
  calls: number;
}

export interface BulkSendOptions {
  /** Recipients per second: SES's MaxSendRate, or less. */
  maxSendRate: number;
  /**
   * Clock time after which no SES call starts (calls in flight are awaited, pacing waits are cut
   * short); what is left is returned as `unfinished`.
   */
  deadline?: number;
  onProgress?: (progress: BulkProgress) => void;
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  maxConcurrentCalls?: number;
  clock?: Clock;
  random?: () => number;
}

// Entry statuses that say SES did not send the message and a later try may succeed.
const RETRYABLE_STATUSES = new Set(["ACCOUNT_THROTTLED", "TRANSIENT_FAILURE"]);
const RETRYABLE_ERRORS = new Set([
  "TooManyRequestsException",
  "Throttling",
  "ThrottlingException",
  "ServiceUnavailable",
  "InternalFailure",
]);
// Errors that will fail every later call too: stop instead of repeating them thousands of times.
const ABORTING_ERRORS = new Set([
  "AccountSuspendedException",
  "SendingPausedException",
  "NotFoundException",
  "MailFromDomainNotVerifiedException",
  "AccessDenied",
  "AccessDeniedException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "InvalidSignatureException",
  "ExpiredToken",
  "ExpiredTokenException",
]);
// The request never reached SES, so sending it again cannot duplicate anything.
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
const THROTTLE_PAUSE_MS = 1000;
const THROTTLING_ERRORS = new Set([
  "TooManyRequestsException",
  "Throttling",
  "ThrottlingException",
]);
const costOf = (items: Pending[]) =>
  items.reduce((sum, item) => sum + item.destination.recipientCount, 0);

type Disposition = "retry" | "abort" | "fail" | "unknown";

interface CallError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

function classify(error: CallError): Disposition {
  const status = error.$metadata?.httpStatusCode;
  if (status !== undefined) {
    if (RETRYABLE_ERRORS.has(error.name ?? "") || status === 429 || status >= 500) return "retry";
    return ABORTING_ERRORS.has(error.name ?? "") ? "abort" : "fail";
  }
  if (ABORTING_ERRORS.has(error.name ?? "")) return "abort";
  // No HTTP answer: only a connection that was never made is known not to have sent anything.
  return NEVER_CONNECTED.has(error.code ?? "") ? "retry" : "unknown";
}

interface Pending {
  destination: BulkDestination;
  attempts: number;
  notBefore: number;
  lastError?: string;
}

/** A promise that the next finished call resolves: idle workers wait on it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Sends the destinations through SendBulkEmail calls of at most 50 entries, in order, paced to
 * the send rate, retrying throttled and transient failures with backoff. Each destination ends
 * with exactly one final outcome, or is returned unfinished (never sent, or SES said not sent)
 * when the run stops at its deadline or on an error every later call would repeat. A
 * destination is sent again only when SES said it was not sent, or the request never left this
 * machine; an ambiguous failure is final (UNKNOWN), never resent.
 */
export async function sendBulk(
  destinations: BulkDestination[] | BulkFeed,
  sendBatch: SendBatch,
  options: BulkSendOptions,
): Promise<BulkRun> {
  const feed = Array.isArray(destinations) ? BulkFeed.ofArray(destinations) : destinations;
  const clock = options.clock ?? realClock;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelay = options.retryBaseDelayMs ?? 500;
  const maxDelay = options.retryMaxDelayMs ?? 20_000;
  const pacer = new Pacer(options.maxSendRate, clock);
  // A batch is at most about one second of sending, so SES never sees a burst above its rate.
  const batchSize = Math.min(
    MAX_DESTINATIONS_PER_CALL,
    Math.max(1, Math.floor(options.maxSendRate)),
  );

  const outcomes: BulkOutcome[] = [];
  const progress: BulkProgress = { settled: 0, succeeded: 0, unknown: 0, calls: 0 };
  let retries: Pending[] = [];
  const handedBack: Pending[] = [];
  let inFlight = 0;
  let abortReason: string | null = null;
  let finished = signal();

  const settle = (
    item: Pending,
    status: string,
    messageId: string | null,
    error: string | null,
  ) => {
    outcomes.push({
      index: item.destination.index,
      to: item.destination.to,
      status,
      messageId,
      error,
      attempts: item.attempts,
    });
    progress.settled += 1;
    if (status === "SUCCESS") progress.succeeded += 1;
    if (status === "UNKNOWN") progress.unknown += 1;
  };

  const retryLater = (item: Pending, error: string, status = "FAILED") => {
    if (item.attempts >= maxAttempts) {
      settle(item, status, null, `${error} (gave up after ${item.attempts} attempts)`);
      return;
    }
    const backoff = Math.min(maxDelay, baseDelay * 2 ** (item.attempts - 1));
    retries.push({
      ...item,
      lastError: error,
      notBefore: clock.now() + backoff * (0.5 + random() / 2),
    });
  };

  const takeBatch = (): Pending[] => {
    const now = clock.now();
    const ready = retries.filter((item) => item.notBefore <= now).slice(0, batchSize);
    retries = retries.filter((item) => !ready.includes(item));
    // Destinations become Pending only when taken: a long list is not copied every run.
    for (const destination of feed.take(batchSize - ready.length)) {
      ready.push({ destination, attempts: 0, notBefore: 0 });
    }
    return ready;
  };

  const send = async (batch: Pending[]) => {
    for (const item of batch) item.attempts += 1;
    let results: BulkEmailEntryResult[];
    try {
      results = await sendBatch(batch.map((item) => item.destination.entry));
    } catch (caught) {
      const error = caught as CallError;
      const text = `${error.name ?? "Error"}: ${error.message ?? String(caught)}`;
      const disposition = classify(error);
      const throttled =
        error.$metadata?.httpStatusCode === 429 || THROTTLING_ERRORS.has(error.name ?? "");
      if (throttled) pacer.pause(THROTTLE_PAUSE_MS);
      else if (disposition === "retry") pacer.refund(costOf(batch)); // SES failed it: nothing was sent
      if (disposition === "abort") {
        // SES refused the call for the account or the request as a whole: nothing of it was
        // sent, so it is handed back with the rest, to send once the cause is fixed.
        abortReason = text;
        handedBack.push(...batch);
        return;
      }
      for (const item of batch) {
        if (disposition === "retry") retryLater(item, text);
        else if (disposition === "unknown") {
          settle(
            item,
            "UNKNOWN",
            null,
            `${text}. The request may have reached SES, so it was not sent again (that could send the message twice).`,
          );
        } else settle(item, "FAILED", null, text);
      }
      return;
    }
    if (results.some((result) => result?.Status === "ACCOUNT_THROTTLED"))
      pacer.pause(THROTTLE_PAUSE_MS);
    batch.forEach((item, position) => {
      const result = results[position];
      if (result?.Status === "SUCCESS") settle(item, "SUCCESS", result.MessageId ?? null, null);
      else if (result && RETRYABLE_STATUSES.has(result.Status ?? "")) {
        retryLater(
          item,
          `${result.Status}: ${result.Error ?? "SES did not send it"}`,
          result.Status,
        );
      } else {
        settle(
          item,
          result?.Status ?? "UNKNOWN",
          null,
          result?.Error ?? "SES returned no result for this destination.",
        );
      }
    });
  };

  const worker = async () => {
    for (;;) {
      if (abortReason || clock.now() >= deadline) return;
      const delay = pacer.delayUntilDue();
      if (delay > 0) {
        // A start the pacing puts past the deadline will not happen: stop now, not then.
        if (clock.now() + delay >= deadline) return;
        await clock.sleep(delay);
        continue;
      }
      // From the check above to the booking below nothing awaits, so batches leave in order.
      const batch = takeBatch();
      if (batch.length === 0) {
        if (feed.error && !abortReason)
          abortReason = `Reading the list failed: ${feed.error.message}`;
        if (!feed.done) {
          await feed.refill(); // the list is still being read
          continue;
        }
        if (retries.length > 0) {
          const due = Math.min(...retries.map((item) => item.notBefore));
          if (due >= deadline && inFlight === 0) return; // no retry can start before the stop
          const wait = Math.ceil(Math.min(due, deadline) - clock.now());
          await Promise.race([clock.sleep(Math.max(0, wait)), finished.promise]);
        } else if (inFlight > 0) await finished.promise;
        else return;
        continue;
      }
      pacer.book(costOf(batch));
      inFlight += 1;
      try {
        await send(batch);
      } finally {
        inFlight -= 1;
        progress.calls += 1;
        options.onProgress?.({ ...progress });
        finished.resolve();
        finished = signal();
      }
    }
  };

  const workers = Math.max(1, options.maxConcurrentCalls ?? 4);
  await Promise.all(Array.from({ length: workers }, worker));

  // Whatever has no outcome yet is handed back, never dropped: SES has not sent any of it.
  const unfinished = [
    ...[...handedBack, ...retries].map((item) => item.destination),
    ...feed.carriedLeft,
  ];
  unfinished.sort((a, b) => a.index - b.index);
  outcomes.sort((a, b) => a.index - b.index);
  if (feed.error && !abortReason) abortReason = `Reading the list failed: ${feed.error.message}`;
  const left = unfinished.length > 0 || !feed.exhausted;
  return {
    outcomes,
    unfinished,
    rejected: feed.rejected,
    position: feed.position,
    stoppedBy: !left ? null : abortReason ? "abort" : "budget",
    abortReason,
  };
}
