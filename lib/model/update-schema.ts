// Which schema of a multi-schema model an update is planned with (SPEC §3: several schemas, several item
// shapes): the one declaring most of the attributes the update names and able to take what it gives them.
import { isPlainObject } from "../expressions/is-plain-object";
import type { CompiledAttribute, CompiledSchema, Variant } from "../schema/compiled";
import { UNDEFINED } from "../schema/type-markers";
import { NO_MATCH } from "../schema/types/handler";
import { bestSchema, type ModelRuntime } from "./runtime";

const UPDATE_OPERATORS = new Set(["$SET", "$ADD", "$REMOVE", "$DELETE"]);

/** Stands for a value not looked at when choosing an update's schema (a path's, an operator's). */
const UNSEEN = Symbol("unseen");

/** A value the update gives an attribute, and how: set whole, or added to / deleted from what is stored. */
interface GivenValue {
  readonly value: unknown;
  readonly operator: "$SET" | "$ADD" | "$DELETE";
}

/**
 * The schema an update is planned with: in a multi-schema model, the one declaring most of the attributes
 * the update names (top-level names of its document paths, in every operator) and able to take the values
 * it gives them (`{v: 6}` chooses the schema where `v` is a Number over one where it is a String); the first
 * on a tie.
 */
export function schemaForUpdate(runtime: ModelRuntime, update: unknown): CompiledSchema {
  const compiled = runtime.compiled;
  if (compiled.length === 1 || typeof update !== "object" || update === null) return compiled[0]!;
  const named: Record<string, GivenValue | typeof UNSEEN> = {};
  const name = (path: string) => {
    const top = path.split(/[.[]/, 1)[0]!;
    if (!(top in named)) named[top] = UNSEEN;
  };
  const give = (path: string, value: unknown, operator: GivenValue["operator"]) => {
    if (/[.[]/.test(path)) name(path);
    else named[path] = { value, operator };
  };
  for (const [key, value] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(key)) give(key, value, "$SET");
    else if (Array.isArray(value)) for (const path of value) name(String(path));
    else if (typeof value === "string") name(value);
    else if (typeof value === "object" && value !== null) {
      // $SET's values, $ADD's numbers, set members and list elements, and $DELETE's set members are each
      // something the attribute must be able to take ($REMOVE names paths only).
      const operator = key === "$ADD" || key === "$DELETE" ? key : "$SET";
      for (const [path, operand] of Object.entries(value)) give(path, operand, operator);
    }
  }
  return bestSchema(runtime, named, mayTake);
}

/**
 * How well `attribute` takes a value an update gives it (before conversion: an array for a Set, a number
 * for a Date): 1 when it does, 0 when it cannot, ½ when only as one list element appended alone (`$ADD`),
 * which a number or a set member should win over. Values not looked at and removals fit anything.
 */
function mayTake(attribute: CompiledAttribute, given: unknown): number {
  if (given === UNSEEN) return 1;
  const { value, operator } = given as GivenValue;
  if (value === undefined || value === null || value === UNDEFINED) return 1;
  if (isPlainObject(value)) {
    // `{$IF_NOT_EXISTS: v}` sets `v`; `{$LIST_PREPEND: [...]}` adds to the front of a list.
    if ("$IF_NOT_EXISTS" in value) return mayTake(attribute, { value: value.$IF_NOT_EXISTS, operator });
    if ("$LIST_PREPEND" in value) return takesElements(attribute, value.$LIST_PREPEND) ? 1 : 0;
  }
  let best = 0;
  for (const variant of attribute.variants) {
    best = Math.max(best, variantTakes(variant, value, operator));
    if (best === 1) break;
  }
  return best;
}

function variantTakes(variant: Variant, value: unknown, operator: GivenValue["operator"]): number {
  const several = value instanceof Set || Array.isArray(value);
  switch (variant.kind) {
    case "scalar": {
      // $ADD adds to numbers only (a Date stored as a number counts); $DELETE removes set members.
      if (operator === "$DELETE") return 0;
      if (operator === "$ADD" && variant.type.dynamoType !== "N") return 0;
      return variant.type.normalize(value) !== NO_MATCH ? 1 : 0;
    }
    case "set": {
      const element = variant.element;
      if (element === undefined || (!several && operator === "$SET")) return 0;
      const members = several ? [...(value as Iterable<unknown>)] : [value];
      return members.every((member) => element.normalize(member) !== NO_MATCH) ? 1 : 0;
    }
    case "array": {
      if (operator === "$DELETE") return 0;
      if (Array.isArray(value)) return takesElements({ variants: [variant] }, value) ? 1 : 0;
      return operator === "$ADD" && takesElements({ variants: [variant] }, [value]) ? 0.5 : 0;
    }
    case "object":
      return operator === "$SET" && isPlainObject(value) ? 1 : 0;
    default:
      // JSON storage takes any value JSON can hold; ANY, COMBINE and references are not told apart here.
      return 1;
  }
}

/** Whether a list variant of `attribute` takes every one of `entries` as its elements. */
function takesElements(attribute: Pick<CompiledAttribute, "variants">, entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  return attribute.variants.some((variant) => {
    if (variant.kind !== "array") return false;
    const element = variant.element;
    return (
      typeof element !== "object" ||
      entries.every((entry) => mayTake(element, { value: entry, operator: "$SET" }) === 1)
    );
  });
}
