// Where a schema holds model references, worked out once per object shape for `item.populate()`:
// only the attributes that lead to a reference, however deep (objects, lists, sets of references).
// A shape without references gets an empty plan, so populating its items costs nothing.
import type { CompiledAttribute, ObjectShape, ReferenceTarget, Variant } from "../schema/compiled";
import { referenceTargetOf } from "../schema/types/reference";

/** How to find references inside one value, by the kind of the value. */
export type ValuePlan =
  | { readonly kind: "reference"; readonly target: ReferenceTarget }
  /** A Set (or the array given for it) of references. */
  | { readonly kind: "set"; readonly target: ReferenceTarget }
  /** A list whose elements hold references: candidate plans for each element, in variant order. */
  | { readonly kind: "list"; readonly element: readonly ValuePlan[] }
  | { readonly kind: "object"; readonly fields: readonly FieldPlan[] };

export interface FieldPlan {
  /** The stored name, used for `properties` paths. */
  readonly name: string;
  /** Where the value may be on an item: the read name (alias) first, then the stored name, then aliases. */
  readonly names: readonly string[];
  /** One plan per variant that can hold a reference, in variant order. */
  readonly plans: readonly ValuePlan[];
}

const plans = new WeakMap<ObjectShape, readonly FieldPlan[]>();

/** The fields of `shape` that hold references (empty when none do). */
export function populatePlanOf(shape: ObjectShape): readonly FieldPlan[] {
  let plan = plans.get(shape);
  if (!plan) {
    plan = shape.attributes.flatMap((attribute) => {
      const field = fieldPlan(attribute);
      return field ? [field] : [];
    });
    plans.set(shape, plan);
  }
  return plan;
}

function fieldPlan(attribute: CompiledAttribute): FieldPlan | undefined {
  const valuePlans = attributePlans(attribute);
  if (valuePlans.length === 0) return undefined;
  const { outputName, aliases } = attribute.settings;
  return {
    name: attribute.name,
    names: [...new Set([outputName, attribute.name, ...aliases])],
    plans: valuePlans,
  };
}

function attributePlans(attribute: CompiledAttribute): ValuePlan[] {
  return attribute.variants.flatMap((variant) => {
    const plan = variantPlan(variant);
    return plan ? [plan] : [];
  });
}

function variantPlan(variant: Variant): ValuePlan | undefined {
  switch (variant.kind) {
    case "reference":
      return { kind: "reference", target: variant.target };
    case "set": {
      const target = variant.element ? referenceTargetOf(variant.element) : undefined;
      return target ? { kind: "set", target } : undefined;
    }
    case "array": {
      if (typeof variant.element !== "object") return undefined;
      const element = attributePlans(variant.element);
      return element.length > 0 ? { kind: "list", element } : undefined;
    }
    case "object": {
      if (typeof variant.shape !== "object") return undefined;
      const fields = populatePlanOf(variant.shape);
      return fields.length > 0 ? { kind: "object", fields } : undefined;
    }
    default:
      return undefined;
  }
}
