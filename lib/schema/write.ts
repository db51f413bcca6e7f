// The write pipeline (SPEC §2), in order: alias → real name; type check; defaults/forceDefault;
// custom types; combine; attribute `set`; schema `set`; attribute `validate`; schema `validate`;
// `required`; `enum`; then conversion to AttributeValues and the 400 KB check.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, ValidationError } from "../errors";
import type { CompiledSchema, ObjectShape, TimestampAttribute } from "./compiled";
import { isThenable, normalizeObject, settlePendingDefaults, type NormalizeContext } from "./normalize";
import { applySetters, checkEnums, checkRequired, runValidators } from "./rules";
import { restoreReadValues } from "./read-values";
import { isPlainObject } from "./resolve-type";
import { checkItemLimits } from "./item-limits";
import { objectToDynamo } from "./to-dynamo";
import { checkKeysNotEmpty } from "./empty-key";
import { combineValue, sourceRoot } from "./combine";
import { documentSegmentsOf } from "./flatten";
import { dateType } from "./types/date";

export interface WriteSettings {
  /** The item is not known to be stored yet: `createdAt` is set. */
  readonly isNew: boolean;
  /** The item as last read, for `set(newValue, oldValue)`. */
  readonly old?: Record<string, unknown>;
  /** The time stamped into `createdAt`/`updatedAt`. */
  readonly now?: Date;
  /**
   * The document paths (`lives`, `address.city`) of an item read with a projection that it neither read
   * nor holds: not required here (the caller passes them as `type.UNDEFINED`, so they get no default either).
   */
  readonly unread?: ReadonlySet<string>;
}

export interface WriteResult {
  /** The item in its JavaScript form after the pipeline, with real attribute names. */
  readonly item: Record<string, unknown>;
  /** The item as DynamoDB AttributeValues. */
  readonly attributes: Record<string, AttributeValue>;
  /**
   * The top-level attributes (stored names) whose map, list or Set lost content on the way (see
   * NormalizeContext): the attributes hold less than the input did inside them. Absent when none did.
   */
  readonly reshaped?: readonly string[];
  /** The top-level attributes (real names) the pipeline gave a default to. Absent when none. */
  readonly defaulted?: readonly string[];
}

/** A timestamp attribute's value for `now` (a Date, or milliseconds for a Number timestamp). */
export function timestampValue(timestamp: TimestampAttribute, now: Date): unknown {
  if (timestamp.type.name !== "date") return now.getTime();
  // A timestamp stored in seconds counts the seconds that have passed (as Dynamoose does), so it is never
  // later than the write; an ordinary seconds Date is rounded to the nearest second.
  // Each its own Date: `createdAt` and `updatedAt` as one object, changing one in place would change both.
  const time = now.getTime();
  const at = new Date(timestamp.type === dateType("seconds") ? time - (time % 1000) : time);
  // Through the type, so a Date stored in seconds is held as the Date a read gives back.
  return timestamp.type.normalize(at);
}

function checkKeyPresent(item: Record<string, unknown>, key: string): void {
  if (item[key] === undefined || item[key] === null) {
    throw new ValidationError(key, "key", item[key], "is a key attribute and must have a value");
  }
}

export async function writePipeline(
  schema: CompiledSchema,
  input: Record<string, unknown>,
  settings: WriteSettings,
): Promise<WriteResult> {
  const context: NormalizeContext = { keepUnknown: schema.keepUnknown, pendingDefaults: [] };
  let item = normalizeObject(schema.shape, input, "", context);
  if (schema.shape.flattened !== undefined) checkNoStoredNameGiven(schema.shape, item);
  if (context.pendingDefaults.length > 0) await settlePendingDefaults(context);
  let restored: ReadonlySet<string> | undefined;
  if (settings.old !== undefined && schema.shape.flags.get) {
    const restoring = restoreReadValues(schema.shape, item, settings.old);
    restored = isThenable(restoring) ? await restoring : restoring;
  }

  if (schema.createdAt.length > 0 || schema.updatedAt.length > 0) {
    const now = settings.now ?? new Date();
    if (settings.isNew) {
      for (const timestamp of schema.createdAt) {
        // An explicitly given creation time is kept (imports, migrations).
        item[timestamp.name] ??= timestampValue(timestamp, now);
      }
    }
    for (const timestamp of schema.updatedAt) item[timestamp.name] = timestampValue(timestamp, now);
  }

  for (const attribute of schema.combined) {
    const variant = attribute.variants[0]!;
    if (variant.kind !== "combine") continue;
    // A projected item that did not read every source keeps the value it read (or none), whatever it was
    // given: combined from some sources only, it would overwrite the stored value with a wrong one.
    item[attribute.name] = variant.attributes.some((source) => settings.unread?.has(sourceRoot(source)))
      ? settings.old?.[attribute.name]
      : combineValue(schema, item, variant.attributes, variant.separator);
  }

  if (schema.shape.flags.set) await applySetters(schema.shape, item, settings.old, restored);
  if (schema.set) {
    const result = schema.set(item);
    const resolved = isThenable(result) ? await result : result;
    if (isPlainObject(resolved)) item = resolved;
  }
  if (schema.shape.flags.validate) await runValidators(schema.shape, item);
  if (schema.validate) {
    const result = schema.validate(item);
    const passed = isThenable(result) ? await result : result;
    if (!passed) throw new ValidationError("", "schema", item, "failed the schema's validate rule");
  }
  if (schema.shape.flags.required) checkRequired(schema.shape, item, settings.unread);
  if (schema.shape.flags.enum) checkEnums(schema.shape, item);

  checkKeyPresent(item, schema.hashKey);
  if (schema.rangeKey !== undefined) checkKeyPresent(item, schema.rangeKey);

  const attributes = objectToDynamo(schema.shape, item, "");
  checkKeysNotEmpty(schema, attributes);
  checkItemLimits(schema.shape, attributes);
  const { reshapedNames: reshaped, defaultedNames: defaulted } = context;
  if (reshaped === undefined && defaulted === undefined) return { item, attributes };
  return { item, attributes, reshaped, defaulted };
}

/**
 * An unknown attribute `saveUnknown` kept under the stored name of a flattened sub-attribute: one of the two
 * values would silently overwrite the other in the table (an update refuses the same clash). A write-only
 * check: asking what changed (`modifiedPaths()`) compares such an item without throwing.
 */
function checkNoStoredNameGiven(shape: ObjectShape, item: Record<string, unknown>): void {
  for (const key of Object.keys(item)) {
    if (!shape.flattened!.byStoredName.has(key) || shape.byName.has(key)) continue;
    throw new InvalidParameter(
      `"${key}" is where "${documentSegmentsOf(shape, [key]).join(".")}" is stored (storage: ` +
        '"flatten"); it cannot also be given as an attribute of its own.',
    );
  }
}
