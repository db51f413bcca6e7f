// What a Model class knows about itself at run time. Kept in a WeakMap keyed by the class, so the
// class's own properties are only its public API.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { EventEmitter } from "eventemitter3";
import type { SendContext } from "../client/send";
import type { Middleware } from "../client/send";
import type { Instance } from "../instance";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { NO_MATCH } from "../schema/types/handler";
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

export function bestSchema(
  runtime: ModelRuntime,
  object: Record<string, unknown>,
  fits: (attribute: CompiledAttribute, value: unknown) => boolean | number,
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
      if (attribute !== undefined) score += Number(fits(attribute, object[key]));
      else if (flattened?.has(key)) score += 1;
    }
    if (score > bestScore) {
      best = schema;
      bestScore = score;
    }
  }
  return best;
}
