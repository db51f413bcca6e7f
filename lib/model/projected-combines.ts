// COMBINE attributes in the save of an item read with a projection (`attributes: [...]`). Their value is
// worked out from their sources, so the save can only vouch for it when it holds every source: then the
// recomputed value is written even if the read did not get the combined attribute itself. A source changed
// while another was not read is refused, as `Model.update` refuses an update giving only some sources
// (SPEC §12): writing the value worked out from what the item holds would store a wrong one, and leaving
// the stored one would keep a stale one.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import type { PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { heldValueAt } from "./item-paths";
import { namesReadWholeOf } from "./stored-images";

/**
 * Whether an item read with a projection vouches for a top-level attribute: the read got it (or found it
 * absent), or the item holds a value for it.
 */
export function vouchesFor(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  image: Record<string, AttributeValue>,
): (name: string) => boolean {
  const readWhole = namesReadWholeOf(image);
  return (name) => readWhole.has(name) || heldValueAt(schema.shape, item, [name]) !== undefined;
}

/** The sources of a COMBINE attribute. */
function sourcesOf(attribute: CompiledAttribute): readonly string[] {
  const variant = attribute.variants[0]!;
  return variant.kind === "combine" ? variant.attributes : [];
}

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

/** The top-level names the changes touch. */
function changedNames(changes: readonly { path: readonly PathSegment[] }[]): Set<PathSegment> {
  return new Set(changes.map((change) => change.path[0]!));
}

/**
 * The combined attributes a projected save writes: one of their sources changed, and the item vouches for
 * every source (`vouches`: read whole, or held). One whose sources did not change is left as stored: the
 * read did not get it, so it always differs from the value worked out, and writing it would undo what others
 * wrote since the read.
 */
export function combinesToWrite(
  schema: CompiledSchema,
  changes: readonly { path: readonly PathSegment[] }[],
  vouches: (name: string) => boolean,
): ReadonlySet<string> | undefined {
  if (schema.combined.length === 0) return undefined;
  const changed = changedNames(changes);
  const names = new Set<string>();
  for (const attribute of schema.combined) {
    const sources = sourcesOf(attribute);
    if (sources.some((source) => changed.has(source)) && sources.every(vouches)) names.add(attribute.name);
  }
  return names;
}

/**
 * Throws when a change to the projected item touches a source of a combined attribute whose other sources
 * the item cannot vouch for.
 */
export function checkProjectedCombines(
  schema: CompiledSchema,
  changes: readonly { path: readonly PathSegment[] }[],
  vouches: (name: string) => boolean,
): void {
  if (schema.combined.length === 0) return;
  const changed = changedNames(changes);
  for (const attribute of schema.combined) {
    const sources = sourcesOf(attribute);
    if (!sources.some((source) => changed.has(source))) continue;
    const unread = sources.filter((source) => !vouches(source));
    if (unread.length === 0) continue;
    const changedSources = sources.filter((source) => changed.has(source));
    throw new InvalidParameter(
      `"${attribute.name}" combines ${quoted(sources)}: this item was read without ${quoted(unread)}, so ` +
        `saving its change to ${quoted(changedSources)} cannot work out the combined value. Read every ` +
        `source, or update them all with Model.update.`,
    );
  }
}
