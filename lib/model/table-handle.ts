// `Model.table()`: the model's table as users see it. The full Table API arrives with the Table work.
import type { ModelRuntime } from "./runtime";

export function tableFacade(runtime: ModelRuntime) {
  const table = runtime.table;
  const schema = runtime.compiled[0]!;
  return {
    name: table.name,
    hashKey: schema.hashKey,
    rangeKey: schema.rangeKey,
    /** Runs the setup flow (create if missing, wait until active). */
    initialize: () => table.ready(),
    /** `{return: "request"}`: the CreateTable input; otherwise runs the setup flow. */
    create: async (settings: { return?: "request" } = {}) =>
      settings.return === "request" ? table.createInput() : table.ready(),
  };
}
