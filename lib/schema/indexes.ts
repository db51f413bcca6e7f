// Index definitions (`index: true | {...} | [...]` on an attribute) → normalised index specs.
import { InvalidParameter } from "../errors";
import type { IndexDefinition } from "./definition-types";
import type { IndexSpec, ObjectShape } from "./compiled";

export function compileIndexes(
  raw: readonly { attribute: string; definition: unknown }[],
  tableHashKey: string,
  shape: ObjectShape,
): IndexSpec[] {
  const indexes: IndexSpec[] = [];
  for (const { attribute, definition } of raw) {
    const definitions = Array.isArray(definition) ? definition : [definition === true ? {} : definition];
    for (const entry of definitions as (IndexDefinition | true)[]) {
      const index: IndexDefinition = entry === true ? {} : entry;
      const type = index.type ?? "global";
      if (type !== "global" && type !== "local") {
        throw new InvalidParameter(
          `Index on "${attribute}": type must be "global" or "local" (got ${JSON.stringify(type)}).`,
        );
      }
      if (index.rangeKey !== undefined && !shape.byName.has(index.rangeKey)) {
        throw new InvalidParameter(
          `Index on "${attribute}": range key "${index.rangeKey}" is not an attribute.`,
        );
      }
      const spec: IndexSpec =
        type === "global"
          ? {
              name: index.name ?? `${attribute}GlobalIndex`,
              type,
              hashKey: attribute,
              rangeKey: index.rangeKey,
              project: index.project ?? true,
              throughput: index.throughput,
            }
          : {
              // A local index shares the table's hash key; the attribute is its range key.
              name: index.name ?? `${attribute}LocalIndex`,
              type,
              hashKey: tableHashKey,
              rangeKey: attribute,
              project: index.project ?? true,
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
