// Planning a save (DESIGN "One pipeline"): the write pipeline between the validate hooks (save-write.ts) → a
// Put for a new item, or an UpdateItem of only the changed paths for one read from the table; the item
// records what was stored once it was sent (save-item.ts sends). `item.save()` and transaction writes share
// the plan.
import type { AttributeValue, PutItemCommandInput, UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import { expressionTargetOf } from "../schema/expression-target";
import type { WriteResult } from "../schema/write";
import { sameValue } from "../schema/same-value";
import { fillIn, plannedValues, type PlannedValues } from "./fill-in";
import { booleanSetting, checkOptions } from "../operations/options";
import { buildPutInput } from "../operations/put";
import { buildSaveChangesInput } from "../operations/save-changes";
import { applyImageChanges, attributeValuesEqual, type ImageChange } from "./diff";
import {
  forgetRemovedListsReadInPart,
  keepingListsReadInPart,
  refuseListsReadInPartWithin,
} from "./lists-read-in-part";
import { itemRuntimeOf, schemaFor, type ModelRuntime } from "./runtime";
import {
  isDeletedByItem,
  isPartialImage,
  markPartialImages,
  namesReadWholeOf,
  setStoredImage,
  storedImageOf,
} from "./stored-images";
import { changesToSave } from "./changes-to-save";
import { checkProjectedCombines, vouchesFor } from "./projected-combines";
import { reachableChanges } from "./reachable-changes";
import { mayRecordSave, recordedSaveOf, startSave } from "./save-order";
import { validateHooked, type ValidatedWrite, writeForSave, writeProjectedAsNew } from "./save-write";
import { stampVersion, storedVersion, versionUnread, withVersionCheck } from "./version";
import type { SaveSettings } from "./persist";

function keyOfImage(
  image: Record<string, AttributeValue>,
  hashKey: string,
  rangeKey: string | undefined,
): Record<string, AttributeValue> {
  const key: Record<string, AttributeValue> = { [hashKey]: image[hashKey]! };
  if (rangeKey !== undefined) key[rangeKey] = image[rangeKey]!;
  return key;
}

/**
 * What saving an item will send, worked out without sending it: the request (`undefined` when nothing
 * changed and no condition asks for a write), a whole-item Put for fallbacks, and `commit()`, which
 * records the write on the item once it has succeeded. `item.save()` and transaction writes share it.
 */
export interface WholeWrite {
  /** A Put of the whole item, on condition that it is (still) absent. */
  readonly put: PutItemCommandInput;
  /** An UpdateItem setting every attribute of the whole item, if it exists: others' other attributes stay. */
  readonly update: UpdateItemCommandInput;
  /** Records the write on the item, once one of the two has succeeded. */
  commit(): void;
}

/** A save's UpdateItem made valid against what the table holds now (SavePlan.reaching). */
export interface ReachingWrite {
  readonly request: UpdateItemCommandInput;
  /** Records the write on the item, once it has succeeded. */
  commit(): void;
}

export interface SavePlan {
  readonly runtime: ModelRuntime;
  readonly operation: "PutItem" | "UpdateItem";
  readonly request: PutItemCommandInput | UpdateItemCommandInput | undefined;
  readonly versioned: boolean;
  /**
   * Whether the item is written again (SPEC §4's fallback) if it was deleted since it was read: not a
   * projected item with nothing changed, which holds too little to write back.
   */
  readonly recreatable: boolean;
  putInput(): PutItemCommandInput;
  /** The Put of the item as `create` writes it: on condition that nothing is stored under its key. */
  createInput(): PutItemCommandInput;
  /** An UpdateItem that writes nothing and checks the item exists (and the plan's condition holds). */
  conditionOnly(): UpdateItemCommandInput;
  /** The writes of the whole item after a concurrent delete (see WholeWrite). */
  whole(): Promise<WholeWrite>;
  /**
   * The UpdateItem `request` made valid against `current`, the item as the table holds it now: its changes
   * below maps others removed or retyped moved up to what is missing (reachable-changes.ts).
   */
  reaching(current: Record<string, AttributeValue>): ReachingWrite;
  commit(): void;
}

/**
 * Plans the save. With `validated` (saving's validation step ran before the `pre("save")` hooks), its
 * result is used as it is unless those hooks changed the item, which is then converted again. Otherwise
 * (no `pre("save")` hooks; transaction writes) the validate hooks run around this one pipeline.
 */
export async function planSave(
  item: object,
  rawSettings: SaveSettings,
  validated?: ValidatedWrite,
): Promise<SavePlan> {
  const runtime = itemRuntimeOf(item);
  let settings = checkOptions(rawSettings, ["overwrite", "condition", "return"], "save");
  booleanSetting(settings.overwrite, "overwrite");
  const data = item as Record<string, unknown>;
  const schema = schemaFor(runtime, data);
  const schemaIndex = runtime.compiled.indexOf(schema);
  const stored = storedImageOf(item);
  let planned: PlannedValues | undefined;
  const writeNow = () => {
    planned = plannedValues(data); // just before the pipeline reads the item
    return writeForSave(schema, item, stored);
  };
  let written: WriteResult;
  if (validated === undefined) written = await validateHooked(schema, item, writeNow);
  else if (sameValue(validated.data, { ...data }) && validated.recorded === recordedSaveOf(item)) {
    written = validated.written;
    planned = validated.planned;
  } else written = await writeNow(); // changed since it was validated (a hook, or an earlier save)
  const target = expressionTargetOf(schema);
  const tableName = runtime.table.name;
  const sameKey =
    stored !== undefined &&
    [schema.hashKey, schema.rangeKey].every(
      (name) =>
        name === undefined ||
        (stored[name] !== undefined && attributeValuesEqual(stored[name]!, written.attributes[name]!)),
    );
  const version = schema.version;
  // An item that deleted itself is saved as a new item (a Put), as Dynamoose saves every item: what is
  // stored under its key now, if anything, is someone else's.
  const updatesStored =
    stored !== undefined && sameKey && settings.overwrite !== false && !isDeletedByItem(stored);
  const partial = stored !== undefined && isPartialImage(stored);
  // A projected item written as a new item (its key changed, overwrite: false, or deleted by itself) is
  // written whole, with defaults and `required` checked, like every new item: nothing of it is left in
  // place to keep.
  if (partial && !updatesStored) {
    planned = plannedValues(data);
    written = await writeProjectedAsNew(schema, item, stored);
  }
  if (updatesStored && version !== undefined && versionUnread(stored, version)) {
    // Without the version it read, the save cannot say which version it changes (SPEC §11). (Named in the
    // attributes and missing, it is known absent: the item was stored before locking, as on a whole read.)
    throw new InvalidParameter(
      `A ${runtime.name} item read with attributes that leave out "${version}" cannot be saved: optimistic ` +
        `locking needs the version it read. Include "${version}" in the attributes.`,
    );
  }
  const previousVersion = updatesStored && version !== undefined ? storedVersion(stored, version) : undefined;
  if (version !== undefined) {
    if (updatesStored) {
      // The version is the library's: what the caller put there is ignored, the stored one kept for the diff.
      if (previousVersion === undefined) delete written.attributes[version];
      else stampVersion(written, version, previousVersion, schema.shape);
      settings = { ...settings, condition: withVersionCheck(settings.condition, version, previousVersion) };
    } else {
      // A new item (or a new key): version 1, and only if nothing is stored under that key.
      stampVersion(written, version, 1, schema.shape);
      settings = { ...settings, overwrite: false };
    }
  }
  const putInput = (): PutItemCommandInput =>
    buildPutInput(tableName, schema.hashKey, written.attributes, settings, target);
  // An UpdateItem that writes nothing: it only checks that the item exists and the condition holds.
  const conditionOnly = (): UpdateItemCommandInput =>
    buildSaveChangesInput(
      tableName,
      keyOfImage(written.attributes, schema.hashKey, schema.rangeKey),
      schema.hashKey,
      [],
      settings.condition,
      target,
    );

  let request: PutItemCommandInput | UpdateItemCommandInput | undefined;
  let operation: "PutItem" | "UpdateItem" = "PutItem";
  let unchangedProjection = false;
  // What the table holds once an UpdateItem save is through: the stored image with its changes applied.
  let imageAfterUpdate: Record<string, AttributeValue> | undefined;
  let changes: ImageChange[] = [];
  if (updatesStored) {
    changes = changesToSave(schema, data, stored, written.attributes, runtime.compiled);
    if (partial) checkProjectedCombines(schema, changes, vouchesFor(schema, data, stored));
    if (version !== undefined && (changes.length > 0 || rawSettings.condition !== undefined)) {
      const next = (previousVersion ?? 0) + 1;
      stampVersion(written, version, next, schema.shape);
      changes.push({ kind: "set", path: [version], value: { N: String(next) } });
    }
    imageAfterUpdate = applyImageChanges(stored, changes);
    if (changes.length > 0) {
      operation = "UpdateItem";
      request = buildSaveChangesInput(
        tableName,
        keyOfImage(written.attributes, schema.hashKey, schema.rangeKey),
        schema.hashKey,
        changes,
        settings.condition,
        target,
      );
    } else if (version === undefined) {
      // Nothing changed: an UpdateItem that writes nothing checks that the item still exists (if it was
      // deleted, saveItem writes it again, SPEC §4) and that the caller's condition holds. A whole-item Put
      // would undo whatever others wrote since the read. (An unchanged versioned item sends nothing, as
      // docs/optimistic-locking.md says; with a condition it was given a new version above.) A projected
      // item holds too little to be written again: it only checks a condition it is given.
      unchangedProjection = partial;
      if (!partial || rawSettings.condition !== undefined) {
        operation = "UpdateItem";
        request = conditionOnly();
      }
    }
  } else {
    request = putInput();
  }
  const ticket = startSave();
  const commitWrite = (
    result: WriteResult,
    image: Record<string, AttributeValue>,
    stillPartial: boolean,
  ): void => {
    // A save planned after this one has recorded its write: that, not this older state, is the item's image.
    if (!mayRecordSave(item, ticket)) return;
    setStoredImage(item, image);
    // An update of a projected item leaves what it did not read in place: the image stays partial, and
    // what it read whole stays known.
    if (stillPartial) markPartialImages([image], undefined, namesReadWholeOf(stored!));
    if (partial) {
      forgetRemovedListsReadInPart(schema, item);
      keepingListsReadInPart(schema, item, () => fillIn(runtime, data, result, schemaIndex, planned));
    } else fillIn(runtime, data, result, schemaIndex, planned);
    if (version !== undefined && result.item[version] !== undefined) data[version] = result.item[version];
  };
  const commit = (): void =>
    commitWrite(written, imageAfterUpdate ?? written.attributes, partial && updatesStored);
  // The fallback after a concurrent delete: the whole item as a new save would write it. A projected item is
  // run through the pipeline again as new (defaults, `required`), since nothing of it is left to keep.
  const whole = async (): Promise<WholeWrite> => {
    const result = partial ? await writeProjectedAsNew(schema, item, stored!) : written;
    const { attributes } = result;
    const everyAttribute: ImageChange[] = Object.keys(attributes)
      .filter((name) => name !== schema.hashKey && name !== schema.rangeKey)
      .map((name) => ({ kind: "set", path: [name], value: attributes[name]! }));
    const key = keyOfImage(attributes, schema.hashKey, schema.rangeKey);
    return {
      put: buildPutInput(tableName, schema.hashKey, attributes, { ...settings, overwrite: false }, target),
      update: buildSaveChangesInput(
        tableName,
        key,
        schema.hashKey,
        everyAttribute,
        settings.condition,
        target,
      ),
      commit: () => commitWrite(result, result.attributes, false),
    };
  };
  const reaching = (current: Record<string, AttributeValue>): ReachingWrite => {
    const reachable = reachableChanges(changes, current, written.attributes);
    if (partial) {
      // A node written whole must not hold a list the item read in part (stored as the elements read).
      for (const change of reachable) {
        if (!changes.includes(change)) refuseListsReadInPartWithin(schema, item, change.path);
      }
    }
    return {
      request: buildSaveChangesInput(
        tableName,
        keyOfImage(written.attributes, schema.hashKey, schema.rangeKey),
        schema.hashKey,
        reachable,
        settings.condition,
        target,
      ),
      // The removals left out are done too (nothing is there); a node written whole is recorded as written,
      // without the members of the stored image the item does not hold (the table no longer has them).
      commit: () => commitWrite(written, applyImageChanges(imageAfterUpdate!, reachable), partial),
    };
  };
  return {
    runtime,
    operation,
    request,
    versioned: version !== undefined,
    recreatable: !unchangedProjection,
    putInput,
    createInput: () =>
      buildPutInput(tableName, schema.hashKey, written.attributes, { ...settings, overwrite: false }, target),
    conditionOnly,
    whole,
    reaching,
    commit,
  };
}
