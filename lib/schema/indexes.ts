// Index definitions (`index: true | {...} | [...]` on an attribute) → normalised index specs.
import { isPlainObject } from "./resolve-type";
import { THROUGHPUT_FORMS, throughputValue } from "../table/option-values";
import { describeValue, InvalidParameter } from "../errors";
import type { IndexDefinition } from "./definition-types";
import type { IndexSpec, ObjectShape } from "./compiled";
import { storedNamesFor } from "./flatten";

/** An index's own `throughput`, as the table's (or absent, for the table's). */
function checkIndexThroughput(throughput: unknown, attribute: string): void {
  if (throughput === undefined || throughput === null || throughputValue(throughput) !== undefined) return;
  throw new InvalidParameter(
    `Index on "${attribute}": throughput must be ${THROUGHPUT_FORMS} (got ${describeValue(throughput)}).`,
  );
}

/**
 * `project: [names]` in stored names: an attribute may be named by an alias, and a flattened object or
 * sub-attribute as the document has it. (Sent as written, an alias projected nothing.)
 */
function projectedNames(project: boolean | readonly string[] | undefined, shape: ObjectShape) {
  if (!Array.isArray(project)) return project ?? true;
  return project.flatMap((name: string) => {
    const stored = shape.flattened === undefined ? [] : storedNamesFor(shape, name);
    return stored.length > 0 ? stored : [shape.byInputName.get(name)?.name ?? name];
  });
}

/** Dynamoose's index options; `global` is v2's flag its guide still shows, accepted and ignored as there. */
const INDEX_OPTIONS = ["name", "type", "rangeKey", "project", "throughput", "global"];

/** A misspelt option (`nmae`) would silently give the index another name than the queries use. */
function checkIndexOptions(index: object, attribute: string): void {
  for (const key of Object.keys(index)) {
    if (!INDEX_OPTIONS.includes(key)) {
      throw new InvalidParameter(
        `Index on "${attribute}": unknown option "${key}" (allowed: ${INDEX_OPTIONS.join(", ")}).`,
      );
    }
  }
}

export function compileIndexes(
  raw: readonly { attribute: string; definition: unknown }[],
  tableHashKey: string,
  shape: ObjectShape,
): IndexSpec[] {
  const indexes: IndexSpec[] = [];
  for (const { attribute, definition } of raw) {
    const definitions = Array.isArray(definition) ? definition : [definition === true ? {} : definition];
    for (const entry of definitions as (IndexDefinition | true)[]) {
      if (entry !== true && !isPlainObject(entry)) {
        throw new InvalidParameter(
          `Index on "${attribute}": index must be true, an object or an array of objects (got ${describeValue(entry)}).`,
        );
      }
      const index: IndexDefinition = entry === true ? {} : entry;
      checkIndexOptions(index, attribute);
      const type = index.type ?? "global";
      if (type !== "global" && type !== "local") {
        throw new InvalidParameter(
          `Index on "${attribute}": type must be "global" or "local" (got ${describeValue(type)}).`,
        );
      }
      // As in Dynamoose, an empty or null range key is none. A range key may be a flattened sub-attribute,
      // named by document path or stored name.
      const givenRangeKey = index.rangeKey === "" || index.rangeKey === null ? undefined : index.rangeKey;
      if (givenRangeKey !== undefined && typeof givenRangeKey !== "string") {
        throw new InvalidParameter(
          `Index on "${attribute}": rangeKey must be an attribute name (got ${describeValue(givenRangeKey)}).`,
        );
      }
      const rangeKeys = givenRangeKey === undefined ? [] : storedNamesFor(shape, givenRangeKey);
      if (givenRangeKey !== undefined && rangeKeys.length !== 1) {
        throw new InvalidParameter(
          `Index on "${attribute}": range key "${givenRangeKey}" is not an attribute.`,
        );
      }
      const rangeKey = rangeKeys[0];
      // DynamoDB refuses a key schema naming one attribute twice ("Two keys can not have the same name").
      if (type === "global" && rangeKey !== undefined && rangeKey === attribute) {
        throw new InvalidParameter(
          `Index on "${attribute}": its range key is its own hash key; name another attribute, or leave rangeKey out.`,
        );
      }
      // A local index's hash key is the table's: on that attribute, its range key would be the same one.
      if (type === "local" && attribute === tableHashKey) {
        throw new InvalidParameter(
          `Index on "${attribute}": a local index on the table's hash key would have it as its range key too; ` +
            "index another attribute, or make this one a global index.",
        );
      }
      // As in Dynamoose, an empty name and a null `project` are the defaults (the attribute's index name, all).
      const name = index.name === "" || index.name === null ? undefined : index.name;
      if (name !== undefined && typeof name !== "string") {
        throw new InvalidParameter(
          `Index on "${attribute}": name must be a string (got ${describeValue(name)}).`,
        );
      }
      if (
        index.project !== undefined &&
        index.project !== null &&
        typeof index.project !== "boolean" &&
        !(Array.isArray(index.project) && index.project.every((name) => typeof name === "string"))
      ) {
        throw new InvalidParameter(
          `Index on "${attribute}": project must be true, false or an array of attribute names (got ${describeValue(index.project)}).`,
        );
      }
      const project = projectedNames(index.project ?? undefined, shape);
      checkIndexThroughput(index.throughput, attribute);
      const spec: IndexSpec =
        type === "global"
          ? {
              name: name ?? `${attribute}GlobalIndex`,
              type,
              hashKey: attribute,
              rangeKey,
              project,
              // As the table's is taken: `{read: 2}` is {read: 2, write: 1}; null is none (the table's).
              throughput: throughputValue(index.throughput) ?? undefined,
            }
          : {
              // A local index shares the table's hash key; the attribute is its range key.
              name: name ?? `${attribute}LocalIndex`,
              type,
              hashKey: tableHashKey,
              rangeKey: attribute,
              project,
              throughput: undefined,
            };
      if (indexes.some((existing) => existing.name === spec.name)) {
        throw new InvalidParameter(`Two indexes are named "${spec.name}".`);
      }
      indexes.push(Object.freeze(spec));
    }
  }
  return indexes;
}
