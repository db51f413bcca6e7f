// Subtree flags (compiled.ts): which rule steps have work somewhere below an attribute or shape, merged
// bottom-up at compile time so the write and read walks can skip whole subtrees.
import type { SubtreeFlags, Variant } from "./compiled";

/** No step has work here. */
export const NO_FLAGS: SubtreeFlags = Object.freeze({
  defaults: false,
  set: false,
  validate: false,
  required: false,
  enum: false,
  get: false,
});

/** A step has work if it has work in any of `flags`. */
export function mergeFlags(flags: readonly SubtreeFlags[]): SubtreeFlags {
  if (flags.length === 0) return NO_FLAGS;
  return Object.freeze({
    defaults: flags.some((f) => f.defaults),
    set: flags.some((f) => f.set),
    validate: flags.some((f) => f.validate),
    required: flags.some((f) => f.required),
    enum: flags.some((f) => f.enum),
    get: flags.some((f) => f.get),
  });
}

/** The flags of what a variant contains (an object's shape, a list's element). */
export function variantFlags(variant: Variant): SubtreeFlags {
  if (variant.kind === "object" && typeof variant.shape === "object") return variant.shape.flags;
  if (variant.kind === "array" && typeof variant.element === "object") return variant.element.flags;
  return NO_FLAGS;
}
