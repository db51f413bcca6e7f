// The table option `populate` (Dynamoose's, undocumented there): every item a get, query, scan, batchGet or
// transaction get reads, and the item an update returns, is populated with these properties before it is
// returned, as if `populate()` had been called on it. `false` (the default) costs one comparison per read.
import { populateItem } from "./populate";
import type { ModelRuntime } from "./runtime";

/**
 * Populates the items of `items` (read through `runtime`'s model: its own and the table's other models') when
 * its table says so; resolves once all are done.
 */
export function autoPopulate(runtime: ModelRuntime, items: readonly unknown[]): Promise<void> | undefined {
  const properties = runtime.table.options.populate;
  if (properties === false) return undefined;
  // The option is the table's: items of the table's other models, read through this one, are populated too.
  const members = runtime.table.members;
  const read = items.filter(
    (item): item is object =>
      item instanceof runtime.model || members.some((member) => item instanceof member.model),
  );
  if (read.length === 0) return undefined;
  return Promise.all(read.map((item) => populateItem(item, { properties }))).then(() => undefined);
}
