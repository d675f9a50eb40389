import { action, component } from "@prismatic-io/spectral";

/**
 * The floor of every cold start: a Spectral component with one no-op action, bundled by the
 * project's own webpack configuration. Whatever a component does, it pays at least this.
 */
export default component({
  key: "floor",
  public: false,
  display: { label: "Floor", description: "One no-op action.", iconPath: "icon.png" },
  actions: {
    noop: action({
      display: { label: "No-op", description: "Does nothing." },
      inputs: {},
      perform: async () => ({ data: null }),
    }),
  },
});
