// `type.UNDEFINED` given for an attribute marks it "left out, no default" for the saves of that item. An
// item `create()` makes is the caller's first sight of it, as Dynamoose's create resolves with a new item:
// it shows what was stored, without markers (a symbol where the type says `string | undefined`).
import { UNDEFINED } from "../schema/type-markers";

/**
 * Removes the item's top-level `type.UNDEFINED` markers (nested ones leave with the stored form of their
 * map); the item's later saves then fill those attributes' defaults in, as Dynamoose's would.
 *
 * @example
 * ```ts
 * const cat = new Cat({ id: "1", name: type.UNDEFINED }); // saved, then:
 * withoutLeftOutMarkers(cat); // Cat { id: "1" }
 * ```
 */
export function withoutLeftOutMarkers<T extends object>(item: T): T {
  const record = item as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === UNDEFINED) delete record[key];
  return item;
}
