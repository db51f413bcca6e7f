// Which rules apply to a value: the attribute's own, or, for an attribute written as several definitions,
// those of the definition whose type the value has (compiled.ts, `variantSettings`).
import type { AttributeSettings, CompiledAttribute } from "./compiled";
import { variantFor } from "./to-dynamo";

/**
 * The `set`, `get`, `validate`, `enum` and `required` that apply to `value` of `attribute`.
 *
 * @example
 * ```ts
 * // v: [{ type: Number, validate: (n) => n > 0 }, { type: String }]
 * settingsFor(attribute, "s").validate; // undefined: the String definition has none
 * ```
 */
export function settingsFor(attribute: CompiledAttribute, value: unknown): AttributeSettings {
  const byVariant = attribute.variantSettings;
  if (byVariant === undefined) return attribute.settings;
  return byVariant.get(variantFor(attribute, value)) ?? attribute.settings;
}
