import { flow, util } from "@prismatic-io/spectral";

interface BulkRun {
  complete: boolean;
  needsAnotherRun: boolean;
  resumeCursor: string | null;
  abortReason: string | null;
  overall: { done: number; remaining: number; runs: number };
  results: { index: number; status: string; messageId: string | null }[];
}

/** The newsletter's recipients, the same list in the same order on every run. */
function subscribers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    to: `subscriber${i}@example.com`,
    templateData: { name: `Subscriber ${i}` },
  }));
}

/**
 * Sends a newsletter to a list of any size: each execution sends what fits in its time budget,
 * then starts the next execution of this flow with the cursor (Prismatic stops an execution
 * after 15 minutes). No destination is sent twice: the cursor says where the list stands.
 */
export const sendNewsletter = flow({
  name: "Send newsletter",
  stableKey: "send-newsletter",
  description: "Sends the newsletter to every subscriber, across as many executions as it takes.",
  onExecution: async (context, params) => {
    const body = (params.onTrigger.results.body as { data?: { resumeCursor?: string } }).data;
    const resumeCursor = util.types.toString(body?.resumeCursor ?? "");
    const run = await context.components.awsSes.sendBulkTemplatedEmail<{ data: BulkRun }>({
      connection: context.configVars["AWS Connection"],
      region: "us-east-1",
      from: "news@example.com",
      templateName: "monthly-newsletter",
      destinations: JSON.stringify(subscribers(50_000)),
      timeBudgetSeconds: "600",
      resumeCursor,
    });
    const { data } = run;
    context.logger.info(
      `Run ${data.overall.runs}: ${data.overall.done} done, ${data.overall.remaining} left.`,
    );
    if (data.needsAnotherRun) {
      // A new execution of this flow, so the next 10 minutes start with a fresh 15-minute limit.
      await context.invokeFlow("Send newsletter", { resumeCursor: data.resumeCursor });
    } else if (!data.complete) {
      context.logger.error(`The newsletter stopped: ${data.abortReason}`);
    }
    return { data: { overall: data.overall, results: data.results } };
  },
});
