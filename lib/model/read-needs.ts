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
 * The projection to send for `attributes`: unchanged without one (every attribute is read) or when the
 * table needs nothing; otherwise with the needed attributes added.
 *
 * @example
 * ```ts
 * withReadNeeds(petRuntime, ["name"]); // { attributes: ["name", "_type"], unasked: ["_type"] }
 * ```
 */
export function withReadNeeds(runtime: ModelRuntime, attributes: unknown): ProjectionWithNeeds {
  if (!Array.isArray(attributes)) return { attributes: attributes as undefined, unasked: undefined };
  const needs = runtime.table.readNeeds();
  if (needs.length === 0) return { attributes, unasked: undefined };
  const named = new Set(attributes.map((path) => (typeof path === "string" ? topName(path) : path)));
  const unasked = needs.filter((name) => !named.has(name));
  if (unasked.length === 0) return { attributes, unasked: undefined };
  return { attributes: [...attributes, ...unasked], unasked };
}
