// `item.populate()`: replaces model-reference values by the referenced items, fetched with `get`.
import type { CompiledSchema } from "../schema/compiled";
import { modelRuntimeOf, schemaFor } from "./runtime";

export interface PopulateSettings {
  /** `true` (all), or attribute names to populate. */
  properties?: boolean | string | readonly string[];
}

export async function populateItem<T extends object>(item: T, settings: PopulateSettings): Promise<T> {
  const runtime = modelRuntimeOf(item.constructor);
  const data = item as Record<string, unknown>;
  const schema: CompiledSchema = schemaFor(runtime, data);
  const wanted = settings.properties ?? true;
  const names =
    wanted === true ? undefined : wanted === false ? [] : typeof wanted === "string" ? [wanted] : wanted;
  await Promise.all(
    schema.shape.attributes.map(async (attribute) => {
      const variant = attribute.variants.find((candidate) => candidate.kind === "reference");
      if (variant?.kind !== "reference") return;
      const name = attribute.settings.outputName;
      if (names !== undefined && !names.includes(name) && !names.includes(attribute.name)) return;
      const value = data[name];
      if (value === undefined || value === null) return;
      const referenced = variant.target.resolve();
      if (referenced.isItem(value)) return;
      const key =
        referenced.rangeKey === undefined
          ? { [referenced.hashKey]: value }
          : (value as Record<string, unknown>);
      const found = await referenced.get(key);
      if (found !== undefined) data[name] = found;
    }),
  );
  return item;
}
