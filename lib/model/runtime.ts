// What a Model class knows about itself at run time. Kept in a WeakMap keyed by the class, so the
// class's own properties are only its public API.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { EventEmitter } from "eventemitter3";
import type { SendContext } from "../client/send";
import type { Middleware } from "../client/send";
import type { Instance } from "../instance";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { NO_MATCH } from "../schema/types/handler";
import { isPlainObject } from "../expressions/is-plain-object";
import { UNDEFINED } from "../schema/type-markers";
import type { Schema } from "../schema/schema";
import type { TableRuntime } from "../table/table";

export interface ModelRuntime {
  readonly name: string;
  readonly instance: Instance;
  readonly schemas: readonly Schema[];
  readonly compiled: readonly CompiledSchema[];
  readonly table: TableRuntime;
  readonly middleware: Middleware[];
  readonly events: EventEmitter;
  /** The model class itself. */
  readonly model: ModelClass;
  sendContext(): SendContext;
}

/** The minimal view of a generated model class used inside the library. */
export interface ModelClass {
  new (object?: Record<string, unknown>): object;
  readonly prototype: object;
  readonly name: string;
}

const runtimes = new WeakMap<object, ModelRuntime>();

export function linkModelRuntime(model: object, runtime: ModelRuntime): void {
  runtimes.set(model, runtime);
}

export function modelRuntimeOf(model: object): ModelRuntime {
  const runtime = runtimes.get(model);
  if (!runtime) throw new TypeError("Not a dynamodel model.");
  return runtime;
}

/**
 * The class an item was made by, found through its prototype: `item.constructor` may be the item's own
 * attribute (a stored or given `constructor`), which must not hide the model.
 */
export function classOfItem(item: object): object {
  return (Object.getPrototypeOf(item) as { constructor: object }).constructor;
}

/** The runtime of the model `value` is an item of, or `undefined` for anything else (a plain object). */
export function ownRuntimeOf(value: unknown): ModelRuntime | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const prototype = Object.getPrototypeOf(value) as { constructor?: object } | null;
  return prototype?.constructor === undefined ? undefined : runtimes.get(prototype.constructor);
}

/** The runtime of the model an item belongs to (see `classOfItem`). */
export function itemRuntimeOf(item: object): ModelRuntime {
  return modelRuntimeOf(classOfItem(item));
}

/**
 * Whether a value may be of the attribute's type, judged only where that is plain: a scalar attribute
 * (`name: String`, `data: [String, Number]`) refuses a value none of its scalar types takes; anything
 * else (objects, lists, sets given as arrays, stored AttributeValues) is not judged here.
 */
function mayFit(attribute: CompiledAttribute, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  for (const variant of attribute.variants) {
    if (variant.kind !== "scalar" || variant.type.normalize(value) !== NO_MATCH) return true;
  }
  return false;
}

/**
 * The schema an item's data belongs to: in a multi-schema model, the one with most attributes named in it
 * whose values may be of their types (so `{id: 1, name: 2}` goes to the schema where `name` is a Number, as
 * in Dynamoose); the first on a tie.
 */
export function schemaFor(runtime: ModelRuntime, data: Record<string, unknown>): CompiledSchema {
  return bestSchema(runtime, data, mayFit);
}

/** The schema a stored image belongs to: as {@link schemaFor}, judging the stored types. */
export function schemaForImage(runtime: ModelRuntime, image: Record<string, AttributeValue>): CompiledSchema {
  return bestSchema(runtime, image, mayBeStoredAs);
}

/** The schema declaring most of the given attribute names (the values are not looked at). */
export function schemaByNames(runtime: ModelRuntime, names: Record<string, unknown>): CompiledSchema {
  return bestSchema(runtime, names, anyValue);
}

const anyValue = (): boolean => true;

/** {@link mayFit} for a stored value: a scalar attribute refuses one stored as none of its types. */
function mayBeStoredAs(attribute: CompiledAttribute, stored: unknown): boolean {
  for (const variant of attribute.variants) {
    if (variant.kind !== "scalar" || variant.type.fromDynamo(stored as AttributeValue) !== NO_MATCH)
      return true;
  }
  return false;
}

function bestSchema(
  runtime: ModelRuntime,
  object: Record<string, unknown>,
  fits: (attribute: CompiledAttribute, value: unknown) => boolean,
): CompiledSchema {
  const compiled = runtime.compiled;
  if (compiled.length === 1) return compiled[0]!;
  let best = compiled[0]!;
  let bestScore = -1;
  for (const schema of compiled) {
    const flattened = schema.shape.flattened?.byStoredName;
    let score = 0;
    // A stored image holds a flattened object as `prefix + sub-name` attributes (`addr_city`): they
    // name the schema as much as the object's own name does in an item's data.
    for (const key of Object.keys(object)) {
      const attribute = schema.shape.byInputName.get(key);
      if (attribute !== undefined ? fits(attribute, object[key]) : flattened?.has(key)) score += 1;
    }
    if (score > bestScore) {
      best = schema;
      bestScore = score;
    }
  }
  return best;
}

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
 * Whether `attribute` may take a value an update gives it (before conversion: an array for a Set, a number
 * for a Date). Values not looked at, removals and `{$IF_NOT_EXISTS}`-style operands fit anything. `$ADD`
 * and `$DELETE` also take one set member alone, and `$ADD` one list element alone.
 */
function mayTake(attribute: CompiledAttribute, given: unknown): boolean {
  if (given === UNSEEN) return true;
  const { value, operator } = given as GivenValue;
  if (value === undefined || value === null || value === UNDEFINED) return true;
  if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith("$"))) return true;
  const several = value instanceof Set || Array.isArray(value);
  return attribute.variants.some((variant) => {
    switch (variant.kind) {
      case "scalar":
        return variant.type.normalize(value) !== NO_MATCH;
      case "set": {
        const element = variant.element;
        if (element === undefined || (!several && operator === "$SET")) return false;
        const members = several ? [...(value as Iterable<unknown>)] : [value];
        return members.every((member) => element.normalize(member) !== NO_MATCH);
      }
      case "array": {
        if (!Array.isArray(value) && operator !== "$ADD") return false;
        const element = variant.element;
        const entries = Array.isArray(value) ? value : [value];
        return (
          typeof element !== "object" ||
          entries.every((entry) => mayTake(element, { value: entry, operator: "$SET" }))
        );
      }
      case "object":
        return isPlainObject(value);
      default:
        // JSON storage takes any value JSON can hold; ANY, COMBINE and references are not told apart here.
        return true;
    }
  });
}
