// `schema.attributes(item?, {includeMaps}?)`: every attribute path of a schema, nested ones dotted, as
// Dynamoose's public (undocumented) method lists them.
import { isRecordLike } from "../expressions/is-plain-object";
import type { CompiledAttribute, ObjectShape } from "./compiled";
import { variantFor } from "./to-dynamo";

export interface AttributePathSettings {
  /** Also list each attribute's aliases (`map`/`alias`/`aliases`), right after its path. */
  includeMaps?: boolean;
}

/**
 * The paths of `shape`: a map's attributes below it, a list's element as `.0`, at any depth. With `item`, an
 * attribute of several types contributes only the paths of the type its value in `item` has (every type's
 * when the item holds no value there), as Dynamoose does.
 */
export function attributePaths(
  shape: ObjectShape,
  item: Record<string, unknown> | undefined,
  settings: AttributePathSettings | undefined,
): string[] {
  const paths: string[] = [];
  const includeMaps = settings?.includeMaps === true;
  const visitBelow = (attribute: CompiledAttribute, path: string, value: unknown): void => {
    const variants =
      value === undefined || attribute.variants.length === 1
        ? attribute.variants
        : [variantFor(attribute, value)];
    for (const variant of variants) {
      if (variant.kind === "object" && typeof variant.shape === "object") {
        visit(variant.shape, `${path}.`, isRecordLike(value) ? value : undefined);
      }
      if (variant.kind === "array" && typeof variant.element === "object") {
        paths.push(`${path}.0`);
        visitBelow(variant.element, `${path}.0`, Array.isArray(value) ? value[0] : undefined);
      }
    }
  };
  const visit = (shape: ObjectShape, prefix: string, values: Record<string, unknown> | undefined): void => {
    for (const attribute of shape.attributes) {
      const path = `${prefix}${attribute.name}`;
      paths.push(path);
      if (includeMaps) paths.push(...attribute.settings.aliases);
      visitBelow(attribute, path, values === undefined ? undefined : valueOf(attribute, values));
    }
  };
  visit(shape, "", item);
  return paths;
}

/** The value `values` holds for an attribute: under its real name, or under one of its aliases. */
function valueOf(attribute: CompiledAttribute, values: Record<string, unknown>): unknown {
  if (values[attribute.name] !== undefined) return values[attribute.name];
  for (const alias of attribute.settings.aliases) if (values[alias] !== undefined) return values[alias];
  return undefined;
}
