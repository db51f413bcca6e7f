// Document paths of an update (`address.city`, `tags[2]`, `a.b[0].c`) resolved against the compiled
// schema: aliases become stored names, and the attribute at the end of the path is found so its value
// can go through that attribute's write pipeline. A path that steps into something that is not a map
// (or not a list) is an error here, before anything is sent.
import { InvalidParameter } from "../errors";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, FlattenSpec, ObjectShape } from "./compiled";
import { documentSegmentsOf } from "./flatten";

/** Where an update path leads. */
export interface UpdatePath {
  /** The stored path (aliases replaced by real names). */
  readonly segments: readonly PathSegment[];
  /** The stored path as text, for messages and pipeline paths. */
  readonly printable: string;
  /**
   * The attribute at the end of the path; `undefined` inside an ANY value or an unknown attribute kept by
   * `saveUnknown`, where values are converted without a schema.
   */
  readonly attribute: CompiledAttribute | undefined;
  /** The top-level attribute the path starts in (undefined for an unknown one). */
  readonly root: CompiledAttribute | undefined;
  /** Every attribute along the path, outermost first (for `required` checks on removal). */
  readonly chain: readonly CompiledAttribute[];
  /**
   * Set when the path is a whole flattened object (`storage: "flatten"`): it is stored as several
   * top-level attributes, so setting or removing it becomes one action per stored name.
   */
  readonly flattened?: FlattenSpec;
  /**
   * The path into an attribute the schema does not declare, kept by `saveUnknown` (`meta.b`): its value
   * keeps only what the patterns keep, as on other writes. (Not a path inside an ANY value.)
   */
  readonly keptUnknown?: true;
}

type Position =
  | { kind: "shape"; shape: ObjectShape }
  | { kind: "attribute"; attribute: CompiledAttribute }
  | { kind: "free" };

function kindsOf(attribute: CompiledAttribute): string {
  return attribute.variants
    .map((variant) => (variant.kind === "scalar" ? variant.type.name : variant.kind))
    .join(" or ");
}

/** The container a segment steps into from an attribute, or an error naming what the attribute is. */
function stepInto(
  attribute: CompiledAttribute,
  segment: PathSegment,
  parentPath: string,
): Position | "unknown" {
  for (const variant of attribute.variants) {
    if (variant.kind === "any") return { kind: "free" };
    if (typeof segment === "string" && variant.kind === "object") {
      if (variant.shape === "any") return { kind: "free" };
      if (variant.shape === "empty") return "unknown";
      return { kind: "shape", shape: variant.shape };
    }
    if (typeof segment === "number" && variant.kind === "array") {
      if (variant.element === "any") return { kind: "free" };
      if (variant.element === "empty") return "unknown";
      return { kind: "attribute", attribute: variant.element };
    }
  }
  const wanted = typeof segment === "number" ? "a list" : "a map";
  throw new InvalidParameter(
    `Cannot update "${parentPath}${typeof segment === "number" ? `[${segment}]` : `.${segment}`}": ` +
      `"${parentPath}" is of type ${kindsOf(attribute)}, not ${wanted}.`,
  );
}

/**
 * Resolves an update path. `undefined` means the path names an unknown attribute that the schema does
 * not keep (`saveUnknown`): such updates are dropped, as unknown attributes are on every write.
 *
 * @throws InvalidParameter for a malformed path or one that steps into a value that is not a map/list.
 *
 * @example
 * ```ts
 * resolveUpdatePath(schema, "address.town"); // alias town → { segments: ["address", "city"], … }
 * ```
 */
export function resolveUpdatePath(schema: CompiledSchema, path: string): UpdatePath | undefined {
  const input = parseDocumentPath(path);
  const segments: PathSegment[] = [];
  const chain: CompiledAttribute[] = [];
  let position: Position = { kind: "shape", shape: schema.shape };
  let attribute: CompiledAttribute | undefined;
  let keptUnknown: true | undefined;
  for (let index = 0; index < input.length; index += 1) {
    const segment = input[index]!;
    const here = formatDocumentPath(segments);
    if (position.kind === "attribute") {
      const next = stepInto(position.attribute, segment, here);
      if (next === "unknown") {
        if (!schema.keepUnknown?.(formatDocumentPath([...segments, segment]))) return undefined;
        keptUnknown = true;
        position = { kind: "free" };
      } else {
        position = next;
      }
    }
    if (position.kind === "free") {
      // Inside an unknown attribute, each step must be kept too: "meta.*" keeps meta.y, not meta.y.z.
      if (keptUnknown && !schema.keepUnknown!(formatDocumentPath([...segments, segment]))) return undefined;
      segments.push(segment);
      attribute = undefined;
      continue;
    }
    if (position.kind === "shape") {
      if (typeof segment === "number") {
        throw new InvalidParameter(`Cannot update "${here}[${segment}]": "${here}" is a map, not a list.`);
      }
      const found = position.shape.byInputName.get(segment);
      if (found === undefined) {
        const at = formatDocumentPath([...segments, segment]);
        if (!schema.keepUnknown?.(at)) return undefined;
        segments.push(segment);
        attribute = undefined;
        keptUnknown = true;
        position = { kind: "free" };
        continue;
      }
      if (found.flatten !== undefined) {
        const flattened = flattenedStep(found, input[index + 1]);
        if (flattened === "whole") {
          const printable = found.name;
          return {
            segments: [found.name],
            printable,
            attribute: found,
            root: found,
            chain: [found],
            flattened: found.flatten,
          };
        }
        if (flattened === undefined) return undefined;
        chain.push(found);
        segments.push(flattened.stored);
        attribute = flattened.sub;
        index += 1;
      } else {
        segments.push(found.name);
        attribute = found;
      }
    } else {
      // A list element: the element attribute itself.
      segments.push(segment);
      attribute = position.attribute;
    }
    chain.push(attribute);
    position = { kind: "attribute", attribute };
  }
  if (schema.shape.flattened === undefined) {
    const root = schema.shape.byName.get(String(segments[0]));
    return { segments, printable: formatDocumentPath(segments), attribute, root, chain, keptUnknown };
  }
  // Messages and pipeline paths name the document path (`address.city`), not the stored one.
  const printable = formatDocumentPath(documentSegmentsOf(schema.shape, segments));
  return { segments, printable, attribute, root: chain[0], chain, keptUnknown };
}

/**
 * The step into a flattened object (only top-level attributes are): `address` alone is the whole object;
 * `address.city` is the stored top-level attribute `addr_city`. An unknown sub-attribute is dropped
 * (`saveUnknown` does not reach into a flattened object).
 */
function flattenedStep(
  owner: CompiledAttribute,
  next: PathSegment | undefined,
): "whole" | { stored: string; sub: CompiledAttribute } | undefined {
  if (next === undefined) return "whole";
  if (typeof next === "number") {
    throw new InvalidParameter(
      `Cannot update "${owner.name}[${next}]": "${owner.name}" is a map, not a list.`,
    );
  }
  const flatten = owner.flatten!;
  const sub = flatten.shape.byInputName.get(next);
  return sub === undefined ? undefined : { stored: flatten.storedNames.get(sub.name)!, sub };
}
