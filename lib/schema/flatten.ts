// `storage: "flatten"` (SPEC §11): an Object attribute whose sub-attributes are stored as top-level
// attributes named prefix + sub-name. The document form (what items hold, what the pipelines' rules
// walk) is still an object; only the stored form differs. This module holds the construction rules and
// the name tables, built once per schema; to-dynamo.ts and read.ts convert, the path resolvers translate.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import type { UpdateAction } from "../expressions/update";
import type { GivenDefinition } from "./null-settings";
import type { CompiledAttribute, FlattenedName, FlattenedNames, FlattenSpec, ObjectShape } from "./compiled";
import { compiledSchemaOf } from "./links";
import { isPlainObject, writtenTypes } from "./resolve-type";
import { isFlagSet } from "./settings";

/** Where an attribute is defined: at the top of a schema, in a flattened object, or deeper. */
export type Place = "root" | "nested" | { readonly flattenedPrefix: string };

function isObjectType(type: unknown): boolean {
  return type === Object || (typeof type === "string" && type.toLowerCase() === "object");
}

function typeNames(types: readonly unknown[]): string {
  return types.map((type) => (typeof type === "function" ? type.name : describeValue(type))).join(", ");
}

/**
 * Checks `storage` and `prefix` of one attribute and returns the prefix of a flattened one (else
 * undefined). `entries` are the attribute's definitions (several for a multi-type attribute).
 *
 * @throws InvalidParameter naming the attribute path and the rule it breaks.
 */
export function flattenPrefixOf(
  name: string,
  path: string,
  entries: readonly GivenDefinition[],
  place: Place,
): string | undefined {
  const primary = entries[0]!;
  const { storage, prefix } = primary;
  if (storage !== undefined && storage !== "json" && storage !== "flatten") {
    throw new InvalidParameter(
      `Attribute "${path}": storage must be "json" or "flatten" (got ${describeValue(storage)}).`,
    );
  }
  const types = entries.flatMap((entry) => writtenTypes(entry.type));
  // One type only: a string stored for another type would be read back through JSON.parse.
  if (storage === "json" && (types.length !== 1 || !isObjectType(types[0]))) {
    throw new InvalidParameter(
      `Attribute "${path}": storage: "json" needs the single type Object (got ${typeNames(types)}).`,
    );
  }
  if (storage !== "flatten") {
    if (prefix !== undefined) {
      throw new InvalidParameter(`Attribute "${path}": prefix only applies with storage: "flatten".`);
    }
    return undefined;
  }
  if (types.length !== 1 || !isObjectType(types[0])) {
    throw new InvalidParameter(
      `Attribute "${path}": storage: "flatten" needs the single type Object (got ${typeNames(types)}).`,
    );
  }
  if (place !== "root") {
    throw new InvalidParameter(
      `Attribute "${path}": storage: "flatten" is only supported on top-level attributes.`,
    );
  }
  if (!isPlainObject(primary.schema) || compiledSchemaOf(primary.schema) !== undefined) {
    throw new InvalidParameter(
      `Attribute "${path}": storage: "flatten" needs a schema, written as a definition object ` +
        `({city: String, …}; a Schema instance or type.ANY is not supported here).`,
    );
  }
  if (isFlagSet(primary.hashKey) || isFlagSet(primary.rangeKey) || primary.index !== undefined) {
    throw new InvalidParameter(
      `Attribute "${path}": a flattened object cannot be a key or have an index; ` +
        `put index on one of its sub-attributes instead.`,
    );
  }
  if (prefix === undefined) return `${name}_`;
  if (typeof prefix !== "string" || prefix === "" || prefix.includes(".")) {
    throw new InvalidParameter(
      `Attribute "${path}": prefix must be a non-empty string without dots (got ${describeValue(prefix)}).`,
    );
  }
  return prefix;
}

/** The flatten spec of an attribute whose only variant is the compiled object `shape`. */
export function flattenSpec(prefix: string, shape: ObjectShape): FlattenSpec {
  const storedNames = new Map(shape.attributes.map((attribute) => [attribute.name, prefix + attribute.name]));
  return Object.freeze({ prefix, shape, storedNames });
}

/**
 * The stored-name table of a root shape, or undefined when nothing in it is flattened (the common case,
 * which then costs nothing). A stored name may not repeat any top-level name or alias, nor another
 * flattened stored name: two values would land in one attribute.
 *
 * @throws InvalidParameter naming both colliding attributes.
 */
export function flattenedNamesOf(
  attributes: readonly CompiledAttribute[],
  byInputName: ReadonlyMap<string, CompiledAttribute>,
): FlattenedNames | undefined {
  const owners = attributes.filter((attribute) => attribute.flatten !== undefined);
  if (owners.length === 0) return undefined;
  const byStoredName = new Map<string, FlattenedName>();
  for (const owner of owners) {
    for (const attribute of owner.flatten!.shape.attributes) {
      const stored = owner.flatten!.storedNames.get(attribute.name)!;
      const at = `${owner.name}.${attribute.name}`;
      const other = byInputName.get(stored);
      if (other !== undefined) {
        throw new InvalidParameter(
          `Attribute "${at}" is stored flattened as "${stored}", which is also the name of attribute "${other.name}".`,
        );
      }
      const earlier = byStoredName.get(stored);
      if (earlier !== undefined) {
        throw new InvalidParameter(
          `Attributes "${earlier.owner.name}.${earlier.attribute.name}" and "${at}" are both stored flattened as "${stored}".`,
        );
      }
      byStoredName.set(stored, Object.freeze({ owner, attribute }));
    }
  }
  return Object.freeze({ owners: Object.freeze(owners), byStoredName });
}

/**
 * The stored top-level names a name in an index definition (`rangeKey`, `project`) means: a top-level
 * attribute's own name, a flattened sub-attribute by document path (`address.city`) or stored name
 * (`addr_city`), or a whole flattened object (all of its stored names). Empty when unknown.
 */
export function storedNamesFor(shape: ObjectShape, name: string): string[] {
  const attribute = shape.byName.get(name);
  if (attribute !== undefined)
    return attribute.flatten ? [...attribute.flatten.storedNames.values()] : [name];
  if (shape.flattened?.byStoredName.has(name)) return [name];
  const dot = name.indexOf(".");
  if (dot === -1) return [];
  const owner = shape.byInputName.get(name.slice(0, dot));
  const sub = owner?.flatten?.shape.byInputName.get(name.slice(dot + 1));
  return sub === undefined ? [] : [owner!.flatten!.storedNames.get(sub.name)!];
}

/**
 * A stored path (`["addr_city", …]`) as a document path in real names (`["address", "city", …]`).
 * The same array when the first name is not a flattened one.
 */
export function documentSegmentsOf<T extends string | number>(shape: ObjectShape, stored: T[]): T[] {
  const head = stored[0];
  const found = typeof head === "string" ? shape.flattened?.byStoredName.get(head) : undefined;
  if (found === undefined) return stored;
  return [found.owner.name as T, found.attribute.name as T, ...stored.slice(1)];
}

/**
 * The update actions that store a whole flattened object whose stored form is the map `value` (undefined:
 * no object): SET each present sub-attribute, REMOVE each absent one, so the object is replaced whole.
 */
export function flattenedActions(flatten: FlattenSpec, value: AttributeValue | undefined): UpdateAction[] {
  const members = value?.M ?? {};
  const actions: UpdateAction[] = [];
  for (const [name, stored] of flatten.storedNames) {
    const member = members[name];
    actions.push(
      member === undefined
        ? { kind: "remove", path: [stored] }
        : { kind: "set", path: [stored], value: member },
    );
  }
  return actions;
}
