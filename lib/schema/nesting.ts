// DynamoDB stores at most 31 maps and lists inside one another in one attribute's value. Checked against
// DynamoDB Local: 31 are stored, 32 are refused with "Nesting Levels have exceeded supported limits", which
// names no path and, in a batch, arrives after earlier chunks were written. Declared schemas rarely nest
// that deep; `type.ANY` values and content `saveUnknown` keeps can. So writes check before sending: an item
// when its size bound (size.ts) says it nests too deep, an update's values always (they are few).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import { formatDocumentPath, type PathSegment } from "../expressions/path";
import { anyFromDynamo } from "./types/any";
import { MAX_NESTED_CONTAINERS } from "./size";

/**
 * Throws when a map or list of `item` is nested deeper than DynamoDB stores.
 *
 * @throws ValidationError (rule `"nesting"`) naming the document path of the first map or list too deep.
 */
export function checkItemNesting(item: Record<string, AttributeValue>): void {
  for (const name in item) checkNestingAt([name], item[name]!);
}

/**
 * Throws when `value`, written at `path` (an update's SET, or the list at `path` that elements are added
 * to), would hold a map or list nested deeper than DynamoDB stores. Every segment of `path` but the last is a
 * map or list the value sits in.
 *
 * @example
 * ```ts
 * checkNestingAt(["a", "b"], { M: {} }); // fine: two maps deep
 * ```
 */
export function checkNestingAt(path: readonly PathSegment[], value: AttributeValue): void {
  const below = pathTooDeep(value, MAX_NESTED_CONTAINERS - (path.length - 1));
  if (below === undefined) return;
  const tooDeep = [...path, ...below];
  throw new ValidationError(
    formatDocumentPath(tooDeep),
    "nesting",
    anyFromDynamo(valueBelow(value, below)),
    `is nested ${tooDeep.length} maps and lists deep; DynamoDB stores at most ${MAX_NESTED_CONTAINERS} ` +
      "inside one another in an attribute",
  );
}

/** The path below `value` to the first map or list once `containersLeft` are used up, if any. */
function pathTooDeep(value: AttributeValue, containersLeft: number): PathSegment[] | undefined {
  // Scalars and sets end the walk at once: most values are scalars.
  if (value.M !== undefined) {
    if (containersLeft <= 0) return [];
    for (const key in value.M) {
      const below = pathTooDeep(value.M[key]!, containersLeft - 1);
      if (below !== undefined) return [key, ...below];
    }
  } else if (value.L !== undefined) {
    if (containersLeft <= 0) return [];
    for (let index = 0; index < value.L.length; index += 1) {
      const below = pathTooDeep(value.L[index]!, containersLeft - 1);
      if (below !== undefined) return [index, ...below];
    }
  }
  return undefined;
}

function valueBelow(value: AttributeValue, path: readonly PathSegment[]): AttributeValue {
  let at = value;
  for (const segment of path) at = typeof segment === "number" ? at.L![segment]! : at.M![segment]!;
  return at;
}
