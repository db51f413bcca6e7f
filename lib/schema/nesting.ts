// DynamoDB stores at most 31 maps and lists inside one another in one attribute's value. Checked against
// DynamoDB Local: 31 are stored, 32 are refused with "Nesting Levels have exceeded supported limits", which
// names no path and, in a batch, arrives after earlier chunks were written. Declared schemas rarely nest
// that deep; `type.ANY` values and content `saveUnknown` keeps can. The size bound every write walks
// (size.ts) notices it; these find where, for the error.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ValidationError } from "../errors";
import { formatDocumentPath, type PathSegment } from "../expressions/path";
import type { ObjectShape } from "./compiled";
import { documentSegmentsOf } from "./flatten";
import { anyFromDynamo } from "./types/any";
import { MAX_NESTED_CONTAINERS } from "./size";

const LIMIT = `DynamoDB stores at most ${MAX_NESTED_CONTAINERS} inside one another in an attribute`;

/**
 * Throws when a map or list of `item` (stored names) is nested deeper than DynamoDB stores.
 *
 * @throws ValidationError (rule `"nesting"`) naming the document path of the first map or list too deep.
 */
export function checkItemNesting(shape: ObjectShape, item: Record<string, AttributeValue>): void {
  for (const name in item) checkNestingAt(shape, [name], item[name]!);
}

/**
 * Throws when `value`, set at the stored path `path`, would hold a map or list nested deeper than DynamoDB
 * stores. Every segment of `path` but the last is a map or list the value sits in.
 *
 * @example
 * ```ts
 * checkNestingAt(shape, ["a", "b"], { M: {} }); // fine: two maps deep
 * ```
 */
export function checkNestingAt(
  shape: ObjectShape,
  path: readonly PathSegment[],
  value: AttributeValue,
): void {
  const below = firstTooDeep(value, containersLeftAt(path));
  if (below === undefined) return;
  const tooDeep = [...path, ...below];
  throw new ValidationError(
    formatDocumentPath(documentSegmentsOf(shape, tooDeep)),
    "nesting",
    anyFromDynamo(valueBelow(value, below)),
    `is nested ${tooDeep.length} maps and lists deep; ${LIMIT}`,
  );
}

/**
 * The same for `elements` (an `L`) appended to the list at `path`. Where they will sit in the list is not
 * known before the write, so the error names the list and says where inside the appended elements.
 */
export function checkAppendedNesting(
  shape: ObjectShape,
  path: readonly PathSegment[],
  elements: AttributeValue,
): void {
  const below = firstTooDeep(elements, containersLeftAt(path));
  if (below === undefined) return;
  const [index, ...inside] = below;
  throw new ValidationError(
    formatDocumentPath(documentSegmentsOf(shape, [...path])),
    "nesting",
    anyFromDynamo(valueBelow(elements, below)),
    `would be nested ${path.length + below.length} maps and lists deep inside appended element ${index}` +
      `${inside.length === 0 ? "" : ` (at "${formatDocumentPath(inside)}" in it)`}; ${LIMIT}`,
  );
}

/**
 * Expression values may nest one map or list more than an attribute (DynamoDB Local: 32 pass, 33 are
 * refused with "ExpressionAttributeValues contains invalid value", naming only the placeholder).
 */
const MAX_CONDITION_VALUE_CONTAINERS = MAX_NESTED_CONTAINERS + 1;

/**
 * Throws when a condition's value compared with the attribute at `path` (as the condition names it) nests
 * maps and lists deeper than DynamoDB takes in an expression.
 *
 * @example
 * ```ts
 * checkConditionValueNesting(["tags"], { L: [{ S: "a" }] }); // fine
 * ```
 * @throws ValidationError (rule `"nesting"`) naming the condition's path and where inside the value.
 */
export function checkConditionValueNesting(path: readonly PathSegment[], value: AttributeValue): void {
  if (value.M === undefined && value.L === undefined) return;
  const below = firstTooDeep(value, MAX_CONDITION_VALUE_CONTAINERS);
  if (below === undefined) return;
  throw new ValidationError(
    formatDocumentPath(path),
    "nesting",
    anyFromDynamo(valueBelow(value, below)),
    `has a condition value nested ${below.length + 1} maps and lists deep (at "${formatDocumentPath(below)}" ` +
      `in it); DynamoDB takes at most ${MAX_CONDITION_VALUE_CONTAINERS} inside one another in a condition value`,
  );
}

/** How many maps and lists a value set at `path` may nest: those the path goes through are used up. */
export function containersLeftAt(path: readonly PathSegment[]): number {
  return MAX_NESTED_CONTAINERS - (path.length - 1);
}

/** The path below `value` to the first map or list once `containersLeft` are used up, if any. */
function firstTooDeep(value: AttributeValue, containersLeft: number): PathSegment[] | undefined {
  if (value.M !== undefined) {
    if (containersLeft <= 0) return [];
    for (const key of Object.keys(value.M)) {
      const below = firstTooDeep(value.M[key]!, containersLeft - 1);
      if (below !== undefined) return [key, ...below];
    }
  } else if (value.L !== undefined) {
    if (containersLeft <= 0) return [];
    for (let index = 0; index < value.L.length; index += 1) {
      const below = firstTooDeep(value.L[index]!, containersLeft - 1);
      if (below !== undefined) return [index, ...below];
    }
  }
  return undefined;
}

/** The value at `path` inside `value` (a path `firstTooDeep` found, so every step exists). */
function valueBelow(value: AttributeValue, path: readonly PathSegment[]): AttributeValue {
  let at = value;
  for (const segment of path) at = typeof segment === "number" ? at.L![segment]! : at.M![segment]!;
  return at;
}
