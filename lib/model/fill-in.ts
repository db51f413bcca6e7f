// After a save: what the write pipeline filled in (defaults, timestamps, `set` results) is copied back onto
// the item under the names it uses, so the item agrees with what was stored.
import type { CompiledAttribute, CompiledSchema, ObjectShape } from "../schema/compiled";
import { storedFormFromDynamo } from "../schema/read-stored";
import { sameValue } from "../schema/same-value";
import { settingsFor } from "../schema/settings-for";
import { referenceTargetOf } from "../schema/types/reference";
import type { WriteResult } from "../schema/write";
import { inHeldNames } from "./held-names";
import { nameHeld } from "./item-paths";
import { shownInside, shownValue } from "./shown-values";
import { withoutUnstored } from "./prune-unstored";
import type { ModelRuntime } from "./runtime";

/**
 * The item's own properties as a save read them (a shallow copy, taken just before the write pipeline
 * reads the item): a property the caller assigned, added or deleted since, while the save was in flight,
 * is theirs to keep, for the next save to write. Compared by reference: the pipeline's own functions (`set`
 * changing its argument in place) must not count as the caller's change, and a copy costs nothing.
 */
export type PlannedValues = Readonly<Record<string, unknown>>;

/** The item's properties as the save about to be planned reads them (see PlannedValues). */
export function plannedValues(item: Record<string, unknown>): PlannedValues {
  return { ...item };
}

/**
 * Copies what the pipeline filled in (defaults, timestamps) back onto the item, under its names. With
 * `planned`, a property the caller assigned, added or deleted since the save read the item is left as it is.
 */
export function fillIn(
  runtime: ModelRuntime,
  item: Record<string, unknown>,
  result: WriteResult,
  schemaIndex: number,
  planned?: PlannedValues,
): void {
  const schema = runtime.compiled[schemaIndex]!;
  const written = result.item;
  const shape = schema.shape;
  const filledIn = pipelineFilledIn(schema, result);
  // A property assigned since the save read the item stays as the caller left it (judged before this
  // fill-in changes anything).
  const assigned =
    planned === undefined
      ? undefined
      : new Set(Object.keys(item).filter((name) => item[name] !== planned[name]));
  const unchanged = (used: string) => assigned === undefined || !assigned.has(used);
  for (const name of Object.keys(written)) {
    if (item[name] !== undefined) continue; // the common case: the item already holds it
    if (!filledIn(name) || planned?.[name] !== undefined) continue; // (deleted since the save read it)
    const attribute = shape.byName.get(name);
    if (attribute === undefined) item[name] = written[name];
    else if (!attribute.settings.aliases.some((alias) => item[alias] !== undefined))
      item[attribute.settings.outputName] = written[name];
  }
  for (const timestamp of schema.createdAt) holdTimestamp(shape, item, timestamp.name, written);
  for (const timestamp of schema.updatedAt) holdTimestamp(shape, item, timestamp.name, written);
  // The schema's own `set` may change any attribute; otherwise only attribute `set`s and defaults change a
  // value, and Sets and Dates its form.
  if (schema.set !== undefined) holdWrittenValues(shape.attributes, item, written, true, filledIn, unchanged);
  else {
    const held = attributesToHold(shape);
    if (held.length > 0) holdWrittenValues(held, item, written, false, filledIn, unchanged);
  }
  if (schema.combined.length > 0) holdCombinedValues(schema.combined, item, written);
  dropUnstored(shape, item, written, planned);
  if (result.reshaped !== undefined) holdStoredContainers(schema, item, result, result.reshaped, unchanged);
}

/**
 * Whether the pipeline put the top-level attribute `name` into what it wrote (a default; with the schema's
 * own `set`, anything): only then is it copied onto an item that does not hold it. One the save was given
 * and the item no longer holds was deleted while the save was in flight: it stays deleted, and the item is
 * dirty until a save removes it too.
 */
function pipelineFilledIn(schema: CompiledSchema, result: WriteResult): (name: string) => boolean {
  if (schema.set !== undefined) return () => true;
  const defaulted = result.defaulted;
  return defaulted === undefined ? () => false : (name) => defaulted.includes(name);
}

/**
 * A timestamp the save stamped, under the name the item holds it by (its alias, for a mini schema giving one:
 * holding it under two names would make the next save refuse the item), shown through its `get` if any.
 */
function holdTimestamp(
  shape: ObjectShape,
  item: Record<string, unknown>,
  name: string,
  written: Record<string, unknown>,
): void {
  const attribute = shape.byName.get(name)!;
  const value = written[name];
  item[nameHeld(attribute, item)] = attribute.flags.get ? (shownValue(attribute, value) ?? value) : value;
}

/**
 * The write left out content inside these top-level attributes (unknown keys saveUnknown does not keep, an
 * empty Set, which DynamoDB cannot store): each leaves the item when nothing of it was stored, and otherwise
 * takes its stored form, when that form is what the item would hold (no `get` display values, references or
 * ANY values inside, which the stored form would change); else the keys the table did not get leave it
 * (prune-unstored.ts). Rare, so it may read the whole stored form.
 */
function holdStoredContainers(
  schema: CompiledSchema,
  item: Record<string, unknown>,
  result: WriteResult,
  names: readonly string[],
  unchanged: (name: string) => boolean,
): void {
  const stored = storedFormFromDynamo(schema, result.attributes);
  for (const name of names) {
    const attribute = schema.shape.byName.get(name);
    const used = attribute === undefined ? name : nameHeld(attribute, item);
    // Deleted, or changed, while the save was in flight: left as the caller has it.
    if (item[used] === undefined || !unchanged(used)) continue;
    const value = attribute === undefined ? stored[name] : inHeldNames(attribute, stored[name], item[used]);
    if (value === undefined) delete item[used];
    else if (attribute === undefined || holdsStoredForm(attribute)) {
      if (!sameValue(item[used], value)) item[used] = value;
    } else item[used] = withoutUnstored(attribute, item[used], stored[name]);
  }
}

const storedFormHeld = new WeakMap<CompiledAttribute, boolean>();

/** Whether the item holds this attribute as its stored form reads back (see holdStoredContainers). */
function holdsStoredForm(attribute: CompiledAttribute): boolean {
  let known = storedFormHeld.get(attribute);
  if (known === undefined) {
    storedFormHeld.set(attribute, false); // a shape that contains itself (type.THIS) ends here
    known = !attribute.flags.get && attribute.variants.every(variantHoldsStoredForm);
    storedFormHeld.set(attribute, known);
  }
  return known;
}

function variantHoldsStoredForm(variant: CompiledAttribute["variants"][number]): boolean {
  switch (variant.kind) {
    case "scalar":
    case "combine":
      return true;
    case "set":
      return variant.element !== undefined && referenceTargetOf(variant.element) === undefined;
    case "object":
      return (
        variant.shape === "empty" ||
        (variant.shape !== "any" && variant.shape.attributes.every(holdsStoredForm))
      );
    case "array":
      return variant.element === "empty" || (variant.element !== "any" && holdsStoredForm(variant.element));
    default:
      return false; // any, json, reference
  }
}

/**
 * Properties the pipeline dropped (attributes the schema does not declare and `saveUnknown` does not keep,
 * or another schema's attributes) leave the item, as in Dynamoose: the item shows what is stored, and its
 * `toJSON()` does not echo input the table never got.
 */
function dropUnstored(
  shape: ObjectShape,
  item: Record<string, unknown>,
  written: Record<string, unknown>,
  planned: PlannedValues | undefined,
): void {
  for (const key of Object.keys(item)) {
    if (Object.hasOwn(written, key) || shape.byInputName.has(key)) continue;
    // Added since the save read the item: the caller's, for the next save.
    if (planned !== undefined && item[key] !== planned[key]) continue;
    delete item[key];
  }
}

/**
 * A COMBINE attribute is computed on every write, whatever the item held (a value given for it, or the
 * value of its sources before they changed): the item takes the stored value.
 */
function holdCombinedValues(
  combined: readonly CompiledAttribute[],
  item: Record<string, unknown>,
  written: Record<string, unknown>,
): void {
  for (const attribute of combined) {
    const used = nameHeld(attribute, item);
    const stored = written[attribute.name];
    item[used] =
      attribute.settings.get === undefined ? stored : (shownValue(attribute, stored) ?? item[used]);
  }
}

/**
 * After a save, the item holds what was stored where `set` functions or nested defaults made that differ
 * from what it held: `original()`, `modifiedPaths()` and the next save then agree with the table. An
 * attribute with a `get` function holds display values: a scalar one holds `get(stored)`, as a read would
 * show it, when `get` answers at once. A map, list or Set with a `get` of its own (or an asynchronous one)
 * keeps the value the caller gave: the next save could not tell a display value of the whole from a change.
 * One with `get`s only inside holds the stored value; with `set`s inside too, with those `get`s applied,
 * as a read shows it (held as stored, the next save would run `set` on the stored values again). The
 * schema's own `set` (`schemaSets`) runs on every value, so it counts as a `set` inside every attribute.
 */
function holdWrittenValues(
  attributes: readonly CompiledAttribute[],
  item: Record<string, unknown>,
  written: Record<string, unknown>,
  schemaSets: boolean,
  filledIn: (name: string) => boolean,
  unchanged: (name: string) => boolean,
): void {
  for (const attribute of attributes) {
    let value = written[attribute.name];
    const used = nameHeld(attribute, item);
    const held = item[used];
    if (value === undefined) {
      // A `set` that returned undefined left the attribute out of the write: the item leaves it too, as the
      // table does (held, the caller's value would read as a change, and toJSON would show what is not stored).
      if (
        held !== undefined &&
        unchanged(used) &&
        (schemaSets || settingsFor(attribute, held).set !== undefined)
      )
        delete item[used];
      continue;
    }
    // Deleted while the save was in flight (see pipelineFilledIn), or changed since it read the item: left.
    if ((held === undefined && !filledIn(attribute.name)) || !unchanged(used)) continue;
    if (attribute.flags.get) {
      const ownGet = settingsFor(attribute, value).get !== undefined;
      // With `set`s inside too, the stored value held as it is would read as changed: shown as read.
      const shown = ownGet
        ? shownValue(attribute, value)
        : attribute.flags.set || schemaSets
          ? shownInside(attribute, value)
          : value;
      if (shown === undefined) continue;
      value = shown;
    }
    // Held only for its form, a Set or Date already is in it: the common case skips the deep compare. (A
    // Date stored in seconds may have lost its milliseconds: then the item takes the stored one.)
    if (formOnly.has(attribute) && ((held instanceof Set && !holdsDates(attribute)) || sameDate(held, value)))
      continue;
    value = inHeldNames(attribute, value, held);
    if (!sameValue(held, value)) item[used] = value;
  }
}

/** A Set of Dates: its members may have changed (seconds storage drops milliseconds), so it is compared. */
function holdsDates(attribute: CompiledAttribute): boolean {
  return attribute.variants.some((variant) => variant.kind === "set" && variant.element?.name === "date");
}

function sameDate(held: unknown, written: unknown): boolean {
  return held instanceof Date && written instanceof Date && held.getTime() === written.getTime();
}

const heldByShape = new WeakMap<ObjectShape, readonly CompiledAttribute[]>();
const reshaping = new WeakMap<CompiledAttribute, boolean>();
/** Attributes held only because a Set or Date changes form (no `set`, no default below them). */
const formOnly = new WeakSet<CompiledAttribute>();

/**
 * The attributes whose written value can differ from what the item holds: an own `set` or a default (its
 * own or nested) changes the value; a Set or a Date (at any depth) changes its form — an array given for a
 * Set is held as a Set, a number or string given for a Date as a Date, as a read would show them and as
 * the item's type says. Computed once per shape.
 */
function attributesToHold(shape: ObjectShape): readonly CompiledAttribute[] {
  let held = heldByShape.get(shape);
  if (held === undefined) {
    held = shape.attributes.filter((attribute) => {
      if (attribute.flags.set || attribute.flags.defaults) return true;
      if (!reshapes(attribute)) return false;
      formOnly.add(attribute);
      return true;
    });
    heldByShape.set(shape, held);
  }
  return held;
}

function reshapes(attribute: CompiledAttribute): boolean {
  let known = reshaping.get(attribute);
  if (known === undefined) {
    reshaping.set(attribute, false); // a shape that contains itself (type.THIS) ends here
    known = attribute.variants.some(
      (variant) =>
        variant.kind === "set" ||
        (variant.kind === "scalar" && variant.type.name === "date") ||
        (variant.kind === "object" &&
          typeof variant.shape === "object" &&
          variant.shape.attributes.some(reshapes)) ||
        (variant.kind === "array" && typeof variant.element === "object" && reshapes(variant.element)),
    );
    reshaping.set(attribute, known);
  }
  return known;
}
