// A save of an item read from the table sets and removes only its changed paths, nested ones included
// (`SET #m.#a.#b = :v`). DynamoDB refuses the whole update ("The document path provided in the update
// expression is invalid for update") when another writer has since removed a map on such a path, or stored a
// value of another kind there. Left as it is, the save would fail the same way on every retry. Instead it is
// sent again made valid against what the table holds now: a value set below such a node is written with the
// node, which is written as the item holds it (what a save of the whole item, as Dynamoose's, stores there),
// while every other path keeps what others wrote; a removal below it is already done, and is left out.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { formatDocumentPath, type PathSegment } from "../expressions/path";
import type { ImageChange } from "./diff";
import { valueAt } from "./read-forms";

type Image = Record<string, AttributeValue>;

/**
 * How many leading segments of `path` a change can address in `current`: `path.length` when every node
 * above its last segment is there and of the kind the next segment needs (a map for a name, a list for an
 * index); otherwise the length of the first node that is missing or of another kind. (A save's change paths
 * name map members only, as diff.ts sets a changed list whole.)
 */
function reachableLength(path: readonly PathSegment[], current: Image): number {
  let node: AttributeValue | undefined = current[path[0] as string];
  for (let depth = 1; depth < path.length; depth += 1) {
    const segment = path[depth]!;
    if (typeof segment === "number") {
      if (node?.L === undefined) return depth;
      node = node.L[segment];
    } else {
      if (node?.M === undefined) return depth;
      node = node.M[segment];
    }
  }
  return path.length;
}

/**
 * `changes` made valid against `current`, the item as the table holds it now (`{}` if it is gone): a value
 * set below a node the table lacks or holds as another kind becomes a write of that node, to the item's value
 * there in `written`, once for all the changes below it; a removal below one is left out.
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
    if (length === change.path.length) reachable.push(change);
    else if (change.kind === "set") {
      const path = change.path.slice(0, length);
      const name = formatDocumentPath(path);
      if (moved.has(name)) continue;
      moved.add(name);
      // `written` holds the value set, so it holds every node above it too.
      reachable.push({ kind: "set", path, value: valueAt(written[path[0] as string], path.slice(1))! });
    }
  }
  return reachable;
}
