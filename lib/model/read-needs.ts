// A read with `attributes` (a projection) still reads what the table needs to handle every item
// (TableRuntime.readNeeds: the entity attribute of a shared table, the TTL attribute when expired items are
// hidden), then hides those again from the item unless the caller named them.
import type { ModelRuntime } from "./runtime";

export interface ProjectionWithNeeds {
  /** The paths to project: the caller's, then the needed attributes they left out. */
  readonly attributes: readonly string[] | undefined;
  /** The needed attributes the caller did not name: left out of the items built (undefined: none). */
  readonly unasked: readonly string[] | undefined;
}

/** The top-level attribute a document path names: "address.city" → "address", "tags[0]" → "tags". */
const topName = (path: string): string => path.split(/[.[]/, 1)[0]!;

/**
 * The needs a read of `indexName` can get: all of them from the table or an index projecting everything;
 * from an index projecting a list, those the schema lists (an index made before the table needed them may
 * lack them, and DynamoDB refuses to read what an index does not project); none from a keys-only index.
 */
function needsOfIndex(
  runtime: ModelRuntime,
  needs: readonly string[],
  indexName: string | undefined,
): readonly string[] {
  if (indexName === undefined) return needs;
  for (const schema of runtime.compiled) {
    const index = schema.indexes.find((candidate) => candidate.name === indexName);
    if (index === undefined) continue;
    if (index.project === true) return needs;
    if (index.project === false) return [];
    const projected = index.project;
    return needs.filter((name) => projected.includes(name));
  }
  return [];
}

/**
 * The projection to send for `attributes` (read from the table, or from `indexName`): unchanged without
 * one, when it is not a list of paths (its check reports that), or when the read can add nothing;
 * otherwise with the needed attributes added.
 *
 * @example
 * ```ts
 * withReadNeeds(petRuntime, ["name"]); // { attributes: ["name", "_type"], unasked: ["_type"] }
 * ```
 */
export function withReadNeeds(
  runtime: ModelRuntime,
  attributes: readonly string[] | undefined,
  indexName?: string,
): ProjectionWithNeeds {
  const unchanged = { attributes, unasked: undefined };
  if (!Array.isArray(attributes) || attributes.length === 0) return unchanged;
  if (attributes.some((path) => typeof path !== "string")) return unchanged;
  const needs = runtime.table.readNeeds();
  if (needs.length === 0) return unchanged;
  const named = new Set(attributes.map(topName));
  const unasked = needsOfIndex(runtime, needs, indexName).filter((name) => !named.has(name));
  if (unasked.length === 0) return unchanged;
  return { attributes: [...attributes, ...unasked], unasked };
}
