// A read with `attributes` (a projection) still reads what the table needs to handle every item
// (TableRuntime.readNeeds: the entity attribute of a shared table, the TTL attribute when expired items are
// hidden), then hides those again from the item unless the caller named them.
import type { ModelRuntime } from "./runtime";

/** What a read's settings need to have for this: only `attributes` is looked at. */
interface ReadSettings {
  readonly attributes?: readonly string[] | undefined;
}

export interface SettingsWithNeeds<S extends ReadSettings> {
  /** The settings to build the request with: the caller's, with the needed attributes they left out added. */
  readonly settings: S;
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
 * The settings of a read of the table (or of `indexName`) with its projection completed: the same settings
 * without `attributes`, when they are not a list of paths (their check reports that), or when the read
 * can add nothing; otherwise a copy with the needed attributes added.
 *
 * @example
 * ```ts
 * withReadNeeds(petRuntime, { attributes: ["name"] });
 * // { settings: { attributes: ["name", "_type"] }, unasked: ["_type"] }
 * ```
 */
export function withReadNeeds<S extends ReadSettings>(
  runtime: ModelRuntime,
  settings: S,
  indexName?: string,
): SettingsWithNeeds<S> {
  const unchanged = { settings, unasked: undefined };
  const { attributes } = settings;
  if (!Array.isArray(attributes) || attributes.length === 0) return unchanged;
  if (attributes.some((path) => typeof path !== "string")) return unchanged;
  const needs = runtime.table.readNeeds();
  if (needs.length === 0) return unchanged;
  const named = new Set(attributes.map(topName));
  const unasked = needsOfIndex(runtime, needs, indexName).filter((name) => !named.has(name));
  if (unasked.length === 0) return unchanged;
  return { settings: { ...settings, attributes: [...attributes, ...unasked] }, unasked };
}
