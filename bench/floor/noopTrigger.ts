import { component, trigger } from "@prismatic-io/spectral";
import { eventTypesInput } from "../../src/inputs/triggers";
import { commonInputs } from "../../src/triggers/notificationTriggers";

/**
 * The floor of a webhook delivery: a Spectral trigger with exactly SES Notification's inputs that
 * does nothing, run in the same harness. Whatever the real trigger does, Spectral's own wrapper
 * (input cleaning, the result's shape) costs at least this.
 */
export default component({
  key: "floorTrigger",
  public: false,
  display: { label: "Floor trigger", description: "One no-op trigger.", iconPath: "icon.png" },
  triggers: {
    noop: trigger({
      display: { label: "No-op", description: "Passes the request on untouched." },
      inputs: { eventTypes: eventTypesInput, ...commonInputs },
      scheduleSupport: "invalid",
      synchronousResponseSupport: "invalid",
      perform: async (_context, payload) => ({ payload, branch: "Notification" }),
    }),
  },
});
