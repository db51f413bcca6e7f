// A value in stored names (what a write produced, or a stored form) renamed to the names an item holds its
// nested attributes by: the alias the caller used, else the name reads use. After a save the item takes
// such values (fill-in.ts); without this, `address.postcode` would come back as `address.zip`.
import type { CompiledAttribute } from "../schema/compiled";
import { isPlainObject } from "../expressions/is-plain-object";
import { hasAliasesBelow } from "../schema/read";
import { nameHeld } from "./item-paths";

/**
 * `value` (of `attribute`, in stored names at every level) under the names `held` (what the item holds
 * for it) uses, or reads use where it holds nothing. The value itself when nothing below has an alias.
 *
 * @example
 * ```ts
 * // address: {type: Object, schema: {zip: {type: String, alias: "postcode"}}}
 * inHeldNames(address, { zip: "1" }, { postcode: "1" }); // { postcode: "1" }
 * ```
 */
export function inHeldNames(attribute: CompiledAttribute, value: unknown, held: unknown): unknown {
  return hasAliasesBelow(attribute) ? renamed(attribute, value, held) : value;
}

function renamed(attribute: CompiledAttribute, value: unknown, held: unknown): unknown {
  for (const variant of attribute.variants) {
    if (variant.kind === "object" && typeof variant.shape === "object" && isPlainObject(value)) {
      const { shape } = variant;
      const heldObject = isPlainObject(held) ? held : undefined;
      const result: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(value)) {
        const nested = shape.byName.get(name);
        if (nested === undefined) {
          result[name] = member;
          continue;
        }
        const used = nameHeld(nested, heldObject);
        result[used] = inHeldNames(nested, member, heldObject?.[used]);
      }
      return result;
    }
    if (variant.kind === "array" && typeof variant.element === "object" && Array.isArray(value)) {
      const element = variant.element;
      return value.map((member, index) =>
        inHeldNames(element, member, Array.isArray(held) ? held[index] : undefined),
      );
    }
  }
  return value;
}
