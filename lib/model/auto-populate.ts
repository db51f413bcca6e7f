// The table option `populate` (Dynamoose's, undocumented there): every item a get, query, scan or
// batchGet reads is populated with these properties before it is returned, as if `populate()` had been
// called on it. `false` (the default) costs one comparison per read.
import { populateItem } from "./populate";
import type { ModelRuntime } from "./runtime";

/** Populates `items` read by `runtime`'s model when its table says so; resolves once all are done. */
export function autoPopulate(runtime: ModelRuntime, items: readonly unknown[]): Promise<void> | undefined {
  const properties = runtime.table.options.populate;
  if (properties === false) return undefined;
  const own = items.filter((item): item is object => item instanceof runtime.model);
  if (own.length === 0) return undefined;
  return Promise.all(own.map((item) => populateItem(item, { properties }))).then(() => undefined);
}
