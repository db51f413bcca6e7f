// A read item holds its stored lists as the schema reads them: elements the schema does not keep (undeclared
// content of a list declared without a schema, a list below a `saveUnknown` pattern that keeps the list but
// not its elements) are left out, and a list stored in a Set attribute is read as the array it is. Written
// back, such a list differs from the stored one although the item never changed it; a save must then leave
// the stored list alone, as it leaves alone the map members the item does not hold (diff.ts, unread.ts).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { PathSegment } from "../expressions/path";
import type { CompiledSchema } from "../schema/compiled";
import { storedFormFromDynamo } from "../schema/read-stored";
import { objectToDynamo } from "../schema/to-dynamo";
import { attributeValuesEqual, type ImageChange } from "./diff";

type Image = Record<string, AttributeValue>;

/** The value at `path` inside a stored value (list indexes and map names); undefined where there is none. */
export function valueAt(
  value: AttributeValue | undefined,
  path: readonly PathSegment[],
): AttributeValue | undefined {
  let at = value;
  for (const segment of path) {
    if (at === undefined) return undefined;
    at = typeof segment === "number" ? at.L?.[segment] : at.M?.[segment];
  }
  return at;
}

/** The stored attribute `name` as the item read it, converted back; undefined when it cannot be. */
function readForm(schema: CompiledSchema, stored: Image, name: string): AttributeValue | undefined {
  try {
    return objectToDynamo(schema.shape, storedFormFromDynamo(schema, { [name]: stored[name]! }), "")[name];
  } catch {
    return undefined; // stored data the schema cannot write back: compared as it is
  }
}

/**
 * `changes` without the ones that write a stored list back as the item read it (see above). Only lists are
 * looked at: scalars are read exactly, and maps are compared member by member already.
 *
 * @example
 * ```ts
 * // saveUnknown: ["keep"]; stored keep: [1] (not kept: "keep.0" matches no pattern), read as []
 * withoutReadForms(schema, stored, [{ kind: "set", path: ["keep"], value: { L: [] } }]); // []
 * ```
 */
export function withoutReadForms(
  schema: CompiledSchema,
  stored: Image,
  changes: ImageChange[],
): ImageChange[] {
  let forms: Map<string, AttributeValue | undefined> | undefined;
  return changes.filter((change) => {
    if (change.kind !== "set") return true;
    const head = String(change.path[0]);
    const rest = change.path.slice(1);
    if (valueAt(stored[head], rest)?.L === undefined) return true;
    forms ??= new Map();
    if (!forms.has(head)) forms.set(head, readForm(schema, stored, head));
    const read = valueAt(forms.get(head), rest);
    return read === undefined || !attributeValuesEqual(read, change.value);
  });
}
