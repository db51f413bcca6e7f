// A save of an item read from the table sets and removes only its changed paths, nested ones included
// (`SET #m.#a.#b = :v`). DynamoDB refuses the whole update ("The document path provided in the update
// expression is invalid for update") when another writer has since removed a map on such a path, or stored a
// value of another kind there. Left as it is, the save would fail the same way on every retry. Instead it is
// sent again with each such change moved up to the first node of its path the table lacks (or holds as
// another kind): that node is written as the item holds it, which is what a save writing the whole item
// (Dynamoose's) stores there, while every other path keeps what others wrote.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { formatDocumentPath, type PathSegment } from "../expressions/path";
import type { ImageChange } from "./diff";
import { valueAt } from "./read-forms";

type Image = Record<string, AttributeValue>;

/**
 * How many leading segments of `path` a change can address in `current`: `path.length` when every node
 * above its last segment is there and of the kind the next segment needs (a map for a name, a list holding
 * the element for an index); otherwise the length of the prefix to write in its place.
 */
function reachableLength(path: readonly PathSegment[], current: Image): number {
  let node: AttributeValue | undefined = current[path[0] as string];
  for (let depth = 1; depth < path.length; depth += 1) {
    if (node === undefined) {
      // Missing: written in its place, unless it is a list element, whose index a SET would not keep (it
      // appends past the end): then the list is.
      return typeof path[depth - 1] === "number" ? depth - 1 : depth;
    }
    const segment = path[depth]!;
    if (typeof segment === "number" ? node.L === undefined : node.M === undefined) return depth;
    node = typeof segment === "number" ? node.L![segment] : node.M![segment];
  }
  return path.length;
}

/**
 * `changes` made valid against `current`, the item as the table holds it now: a change below a node the
 * table lacks or holds as another kind becomes a change of that node, to the item's value there in
 * `written` (its removal when the item holds none). Changes moved to one node are one change.
 *
 * @example
 * ```ts
 * // The item changed m.a.b; another writer removed m.a meanwhile.
 * reachableChanges([{ kind: "set", path: ["m", "a", "b"], value: { N: "2" } }], { m: { M: {} } }, written);
 * // [{ kind: "set", path: ["m", "a"], value: written.m.M.a }]
 * ```
 */
export function reachableChanges(
  changes: readonly ImageChange[],
  current: Image,
  written: Image,
): ImageChange[] {
  const reachable: ImageChange[] = [];
  const moved = new Set<string>();
  for (const change of changes) {
    const length = reachableLength(change.path, current);
    if (length === change.path.length) {
      reachable.push(change);
      continue;
    }
    const path = change.path.slice(0, length);
    const name = formatDocumentPath(path);
    if (moved.has(name)) continue;
    moved.add(name);
    const value = valueAt(written[path[0] as string], path.slice(1));
    reachable.push(value === undefined ? { kind: "remove", path } : { kind: "set", path, value });
  }
  return reachable;
}
