// Which of several object variants (multi-type attributes) an object most likely is, for writes and reads.
import type { ObjectShape, Variant } from "./compiled";

/**
 * For several object schemas, the one whose attributes name most of the object's keys comes first (ties
 * keep the definition order); a reference to a model with a range key, stored as a `{hashKey, rangeKey}`
 * map, competes by those two names. Only these are reordered, among themselves: every other variant keeps
 * its place. Writes rank by incoming names (aliases too), reads by stored names.
 */
export function rankObjectVariants(
  variants: readonly Variant[],
  keys: readonly string[],
  namesOf: (shape: ObjectShape) => ReadonlyMap<string, unknown>,
): readonly Variant[] {
  const score = (variant: Variant): number | undefined => {
    let names: { has(name: string): boolean };
    if (variant.kind === "object" && typeof variant.shape === "object") names = namesOf(variant.shape);
    else if (variant.kind === "reference" && variant.target.resolve().rangeKey !== undefined) {
      names = variant.target.resolve().keyNames;
    } else return undefined;
    let matches = 0;
    for (const key of keys) if (names.has(key)) matches += 1;
    return matches;
  };
  const scored = variants.flatMap((variant, slot) => {
    const value = score(variant);
    return value === undefined ? [] : [{ variant, slot, value }];
  });
  if (scored.length < 2) return variants;
  const ranked = [...scored].sort((a, b) => b.value - a.value);
  const result = [...variants];
  scored.forEach(({ slot }, position) => (result[slot] = ranked[position]!.variant));
  return result;
}
