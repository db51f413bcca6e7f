/**
 * Compiles update actions (already in stored names and AttributeValues) into an `UpdateExpression`.
 * Used by `item.save()` for changed paths and by `Model.update()`.
 *
 * @example
 * ```ts
 * const registry = new PlaceholderRegistry();
 * compileUpdate(
 *   [
 *     { kind: "set", path: ["name"], value: { S: "Ann" } },
 *     { kind: "add", path: ["visits"], value: { N: "1" } },
 *     { kind: "remove", path: ["tmp"] },
 *   ],
 *   registry,
 * );
 * // "SET #n0 = :v0 REMOVE #n2 ADD #n1 :v1"
 * ```
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import { formatDocumentPath, type PathSegment } from "./path";
import type { PlaceholderRegistry } from "./placeholders";

/**
 * One change to an item:
 * - `set`: `path = value`, or `path = if_not_exists(path, value)` with `ifNotExists`;
 * - `append` / `prepend`: `path = list_append(path, value)` / `list_append(value, path)`; value is an `L`;
 * - `add`: `ADD path value`; value is an `N` (added) or a set (`SS`/`NS`/`BS`, elements added);
 * - `remove`: `REMOVE path`;
 * - `delete`: `DELETE path value`; value is a set whose elements are removed.
 */
export type UpdateAction =
  | { kind: "set"; path: readonly PathSegment[]; value: AttributeValue; ifNotExists?: boolean }
  | { kind: "append" | "prepend"; path: readonly PathSegment[]; value: AttributeValue }
  | { kind: "add"; path: readonly PathSegment[]; value: AttributeValue }
  | { kind: "remove"; path: readonly PathSegment[] }
  | { kind: "delete"; path: readonly PathSegment[]; value: AttributeValue };

const isSet = (value: AttributeValue): boolean => "SS" in value || "NS" in value || "BS" in value;

/** The AttributeValue members each kind accepts; DynamoDB would reject anything else with a vaguer message. */
const VALUE_RULES: Readonly<
  Record<string, { accepts: (value: AttributeValue) => boolean; expected: string }>
> = {
  append: { accepts: (value) => "L" in value, expected: "a list (L)" },
  prepend: { accepts: (value) => "L" in value, expected: "a list (L)" },
  add: { accepts: (value) => "N" in value || isSet(value), expected: "a number (N) or a set (SS, NS, BS)" },
  delete: { accepts: isSet, expected: "a set (SS, NS, BS)" },
};

/**
 * DynamoDB rejects an update in which one path equals or contains another ("Two document paths overlap").
 * Checked up front, in one pass, so the error names both paths.
 */
function checkNoOverlap(actions: readonly UpdateAction[]): void {
  // The common case, top-level attributes only: they overlap only when one is named twice.
  if (actions.every((action) => action.path.length === 1)) {
    const seen = new Set<PathSegment>();
    for (const { path } of actions) {
      if (seen.has(path[0]!)) {
        throw new InvalidParameter(
          `The update names "${formatDocumentPath(path)}" twice (by its name and an alias, or under two ` +
            "operators); DynamoDB rejects an update that changes one path twice.",
        );
      }
      seen.add(path[0]!);
    }
    return;
  }
  const paths = new Map<string, readonly PathSegment[]>();
  const prefixes = new Map<string, readonly PathSegment[]>();
  for (const { path } of actions) {
    const key = JSON.stringify(path);
    const clash =
      paths.get(key) ??
      prefixes.get(key) ??
      path
        .slice(0, -1)
        .map((_, index) => paths.get(JSON.stringify(path.slice(0, index + 1))))
        .find((found) => found !== undefined);
    if (clash !== undefined) {
      throw new InvalidParameter(
        `The update paths "${formatDocumentPath(clash)}" and "${formatDocumentPath(path)}" overlap; ` +
          "DynamoDB rejects an update that changes a path and a path inside it, or one path twice.",
      );
    }
    paths.set(key, path);
    for (let length = 1; length < path.length; length++) {
      const prefix = JSON.stringify(path.slice(0, length));
      if (!prefixes.has(prefix)) prefixes.set(prefix, path);
    }
  }
}

/**
 * Compiles update actions into an `UpdateExpression`, with clauses in the order SET, REMOVE, ADD, DELETE
 * (empty clauses left out) and actions in their given order within a clause.
 *
 * @throws InvalidParameter for no actions, overlapping paths, or a value of the wrong kind for its action.
 *
 * @example
 * ```ts
 * compileUpdate([{ kind: "prepend", path: ["log"], value: { L: [{ S: "x" }] } }], registry);
 * // "SET #n0 = list_append(:v0, #n0)"
 * ```
 */
export function compileUpdate(actions: readonly UpdateAction[], registry: PlaceholderRegistry): string {
  if (actions.length === 0) throw new InvalidParameter("An update needs at least one change.");
  checkNoOverlap(actions);
  const clauses = {
    SET: [] as string[],
    REMOVE: [] as string[],
    ADD: [] as string[],
    DELETE: [] as string[],
  };
  for (const action of actions) {
    if (action.kind !== "remove" && action.kind !== "set") {
      const rule = VALUE_RULES[action.kind];
      if (rule !== undefined && !rule.accepts(action.value)) {
        throw new InvalidParameter(
          `The ${action.kind} update of "${formatDocumentPath(action.path)}" needs ${rule.expected}.`,
        );
      }
    }
    const path = registry.path(action.path);
    switch (action.kind) {
      case "set": {
        const value = registry.value(action.value);
        clauses.SET.push(
          action.ifNotExists === true ? `${path} = if_not_exists(${path}, ${value})` : `${path} = ${value}`,
        );
        break;
      }
      // if_not_exists: appending to a list the item does not have yet starts one (an upsert works).
      case "append": {
        const existing = `if_not_exists(${path}, ${registry.value({ L: [] })})`;
        clauses.SET.push(`${path} = list_append(${existing}, ${registry.value(action.value)})`);
        break;
      }
      case "prepend": {
        const added = registry.value(action.value);
        clauses.SET.push(
          `${path} = list_append(${added}, if_not_exists(${path}, ${registry.value({ L: [] })}))`,
        );
        break;
      }
      case "remove":
        clauses.REMOVE.push(path);
        break;
      case "add":
        clauses.ADD.push(`${path} ${registry.value(action.value)}`);
        break;
      case "delete":
        clauses.DELETE.push(`${path} ${registry.value(action.value)}`);
        break;
    }
  }
  return Object.entries(clauses)
    .filter(([, parts]) => parts.length > 0)
    .map(([clause, parts]) => `${clause} ${parts.join(", ")}`)
    .join(" ");
}
