// Document paths of an update (`address.city`, `tags[2]`, `a.b[0].c`) resolved against the compiled
// schema: aliases become stored names, and the attribute at the end of the path is found so its value
// can go through that attribute's write pipeline. A path that steps into something that is not a map
// (or not a list) is an error here, before anything is sent.
import { InvalidParameter } from "../errors";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "../expressions/path";
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "./compiled";

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
  for (const segment of input) {
    const here = formatDocumentPath(segments);
    if (position.kind === "attribute") {
      const next = stepInto(position.attribute, segment, here);
      if (next === "unknown") {
        if (!schema.keepUnknown?.(formatDocumentPath([...segments, segment]))) return undefined;
        position = { kind: "free" };
      } else {
        position = next;
      }
    }
    if (position.kind === "free") {
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
        position = { kind: "free" };
        continue;
      }
      segments.push(found.name);
      attribute = found;
    } else {
      // A list element: the element attribute itself.
      segments.push(segment);
      attribute = position.attribute;
    }
    chain.push(attribute);
    position = { kind: "attribute", attribute };
  }
  const root = schema.shape.byName.get(String(segments[0]));
  return { segments, printable: formatDocumentPath(segments), attribute, root, chain };
}
