/**
 * Document paths: the `address.lines[0]` notation used for nested attributes in conditions and updates.
 *
 * @example
 * ```ts
 * parseDocumentPath("address.lines[0]"); // ["address", "lines", 0]
 * formatDocumentPath(["address", "lines", 0]); // "address.lines[0]"
 * ```
 */
import { InvalidParameter, describeValue } from "../errors";

/** One step of a document path: a map key (string) or a list index (number). */
export type PathSegment = string | number;

/** Only plain decimal digits are list indexes; `-1`, `1.5`, `0x1` or ` 1` are not. */
const INDEX_PATTERN = /^[0-9]+$/;

/**
 * Splits a document path into its segments. Dots separate map keys, `[n]` selects a list element.
 * Any other character (spaces, `-`, `#`, `:`, non-ASCII letters) belongs to the name: names are always sent
 * as placeholders, so they need no escaping.
 *
 * @throws InvalidParameter for an empty path or segment, unbalanced brackets, an index that is not a
 * non-negative integer, or a path that starts with an index.
 *
 * @example
 * ```ts
 * parseDocumentPath("a.b[1].c"); // ["a", "b", 1, "c"]
 * parseDocumentPath("tags[0][2]"); // ["tags", 0, 2]
 * ```
 */
export function parseDocumentPath(path: string): PathSegment[] {
  const fail = (problem: string): never => {
    throw new InvalidParameter(`Invalid document path ${describeValue(path)}: ${problem}.`);
  };
  if (path === "") fail("the path is empty");

  const segments: PathSegment[] = [];
  let position = 0;
  // A name is expected at the start and after every dot; after `]` only `.`, `[` or the end may follow.
  let expectName = true;
  while (position < path.length) {
    if (expectName) {
      let end = position;
      while (end < path.length && path[end] !== "." && path[end] !== "[" && path[end] !== "]") end++;
      if (end === position) fail(`empty name at position ${position}`);
      segments.push(path.slice(position, end));
      position = end;
      expectName = false;
      continue;
    }
    const character = path[position];
    if (character === ".") {
      position++;
      expectName = true;
      if (position === path.length) fail("it ends with a dot");
    } else if (character === "[") {
      const close = path.indexOf("]", position);
      if (close === -1) fail(`the "[" at position ${position} is never closed`);
      const text = path.slice(position + 1, close);
      if (text.includes("[")) fail(`the "[" at position ${position} is never closed`);
      const index = Number(text);
      if (!INDEX_PATTERN.test(text) || !Number.isSafeInteger(index)) {
        fail(`list index ${describeValue(text)} is not a non-negative integer`);
      }
      segments.push(index);
      position = close + 1;
    } else if (character === "]") {
      fail(`unbalanced "]" at position ${position}`);
    } else {
      fail(`expected ".", "[" or the end at position ${position}`);
    }
  }
  return segments;
}

/**
 * Renders segments back into the dotted notation, for messages and for keys of changed-path maps.
 * Names are not escaped: a name that itself contains `.` or `[` does not round-trip through
 * {@link parseDocumentPath} (such names can still be used through segment arrays).
 *
 * @example
 * ```ts
 * formatDocumentPath(["a", "b", 1]); // "a.b[1]"
 * ```
 */
export function formatDocumentPath(segments: readonly PathSegment[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text;
}
