// The declared element of a list attribute, shared by the readers of compiled schemas (paths, diffs, docs).
import type { CompiledAttribute } from "./compiled";

/**
 * The element attribute of a list attribute whose elements have a schema (`{type: Array, schema: [...]}`);
 * undefined for any other attribute, and for a list of ANY or undeclared elements.
 *
 * @example
 * ```ts
 * declaredListElement(tagsAttribute); // the String element of `tags: {type: Array, schema: [String]}`
 * ```
 */
export function declaredListElement(attribute: CompiledAttribute): CompiledAttribute | undefined {
  for (const variant of attribute.variants) {
    if (variant.kind === "array" && typeof variant.element === "object") return variant.element;
  }
  return undefined;
}
