// `Model.update`'s update object → update actions, with every value checked against the schema:
// plain attributes and `$SET` go through the write pipeline of their attribute, and the schema's own
// `set` and `validate` see them (update-schema-rules.ts); `$ADD`, `$DELETE`,
// `$REMOVE` are checked for the attribute's type; timestamps, `forceDefault`, COMBINE and the version
// attribute are added. Nothing here sends anything.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, InvalidParameterType, ValidationError } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import type { UpdateAction } from "../expressions/update";
import type { CompiledAttribute, CompiledSchema } from "../schema/compiled";
import { isThenable } from "../schema/normalize";
import { UNDEFINED } from "../schema/type-markers";
import { flattenedActions } from "../schema/flatten";
import type { UpdatePath } from "../schema/update-path";
import {
  normalizeAttributeValue,
  writeAttributeValue,
  writeValueAfterSet,
  type WrittenValue,
} from "../schema/write-value";
import { addAction, deleteAction } from "./update-operands";
import { OPERATORS, operatorObject, removedPaths } from "./update-input";
import { checkSchemaValidate, setsAfterSchemaSet } from "./update-schema-rules";
import { checkUpdatedKeyNotEmpty } from "../schema/empty-key";
import { defaultOf, isCombineSourceWithSet, planAutomatic, planCombine } from "./update-automatic";
import { planValueOperator } from "./update-value-operators";
import { givesCombined, removesUndeclared, target, type PlanState } from "./update-plan-target";

export interface UpdatePlan {
  readonly actions: UpdateAction[];
  /** The version the caller named: the update then requires the stored item to have it. */
  readonly expectedVersion: AttributeValue | undefined;
}

/** Stores a written value at `path` (undefined: removes it); a whole flattened object, per stored name. */
function pushWritten(state: PlanState, path: UpdatePath, value: AttributeValue | undefined): void {
  if (path.flattened !== undefined) {
    const actions = flattenedActions(path.flattened, value);
    // Each stored attribute may be an index key, refused empty as one set by its own path is.
    for (const action of actions) {
      if (action.kind === "set") checkUpdatedKeyNotEmpty(state.schema, String(action.path[0]), action.value);
    }
    state.actions.push(...actions);
  }
  // An empty Set is stored as absent (DynamoDB has no empty sets).
  else if (value === undefined) state.actions.push({ kind: "remove", path: path.segments });
  else {
    if (path.segments.length === 1) checkUpdatedKeyNotEmpty(state.schema, String(path.segments[0]), value);
    state.actions.push({ kind: "set", path: path.segments, value });
  }
}

/**
 * Runs `then` on a value now, or once it resolves: a step of the plan is synchronous unless the
 * schema's own functions are asynchronous, and an update of plain values must not cost a promise each.
 */
function whenReady<T>(value: T | Promise<T>, then: (ready: T) => void): Promise<void> | undefined {
  if (isThenable(value)) return (value as Promise<T>).then(then);
  then(value);
  return undefined;
}

/** The attribute pipeline a `$SET` value goes through: the whole of it, or what follows a `set` already run. */
type AttributeWriter = (
  schema: CompiledSchema,
  attribute: CompiledAttribute | undefined,
  value: unknown,
  path: string,
) => WrittenValue | Promise<WrittenValue>;

function planSet(
  state: PlanState,
  path: string,
  value: unknown,
  write: AttributeWriter = writeAttributeValue,
): Promise<void> | undefined {
  if (givesCombined(state, path)) return undefined;
  const change = target(state, path, value, "$SET");
  if (change === undefined) return undefined;
  const resolved = change.path;
  if (resolved.root !== undefined && resolved.root.name === state.schema.version) {
    if (resolved.segments.length > 1) throw new InvalidParameter(`"${resolved.printable}" is not a map.`);
    return whenReady(write(state.schema, resolved.attribute, value, resolved.printable), (written) => {
      state.expectedVersion = written.attributeValue;
    });
  }
  // An `undefined` the update gives removes the attribute (or sets its default, as in Dynamoose). One the
  // attribute's `set` returned (`write` is then the rest of the pipeline) goes on as in a save: refused when
  // `required`, else stored as no value, with no default (defaults come before `set`).
  const given = write === writeAttributeValue;
  if (value === UNDEFINED || (value === undefined && given)) {
    return planRemove(state, resolved, value === UNDEFINED);
  }
  // An unknown attribute kept by saveUnknown keeps only what the patterns keep, as on every write.
  const kept = change.value;
  if (isPlainObject(kept)) {
    const keys = Object.keys(kept);
    if (keys.length === 1 && keys[0]!.startsWith("$"))
      return planValueOperator(state, resolved, keys[0]!, kept);
  }
  const combineSource = isCombineSourceWithSet(state, resolved) ? resolved.attribute : undefined;
  if (combineSource !== undefined) {
    return normalizeAttributeValue(state.schema, combineSource, kept, resolved.printable).then(
      (normalized) => {
        state.combineSources.set(resolved.printable, normalized);
        return planWrittenValue(state, resolved, kept, write);
      },
    );
  }
  return planWrittenValue(state, resolved, kept, write);
}

/** Writes a value set at `resolved` through its attribute's pipeline and plans the SET. */
function planWrittenValue(
  state: PlanState,
  resolved: UpdatePath,
  kept: unknown,
  write: AttributeWriter,
): Promise<void> | undefined {
  return whenReady(write(state.schema, resolved.attribute, kept, resolved.printable), (written) => {
    if (resolved.segments.length === 1) state.topValues.set(resolved.printable, written.value);
    else state.nestedValues.set(resolved.printable, written.value);
    // A value with no stored form (an empty Set, or nothing from `set`) is absent: REMOVE. An empty Set as a
    // list element is NULL, as a whole list stores it (read back as an empty Set): removing the element
    // would move every element after it.
    const inList = typeof resolved.segments.at(-1) === "number";
    pushWritten(state, resolved, written.attributeValue ?? (inList ? { NULL: true } : undefined));
  });
}

/**
 * REMOVE, except: a `required` attribute cannot be removed; an attribute with a default is set to its
 * default instead (as in Dynamoose), unless `type.UNDEFINED` asked to skip the default.
 */
async function planRemove(state: PlanState, path: UpdatePath, skipDefault: boolean): Promise<void> {
  const attribute = path.attribute;
  if (attribute !== undefined && attribute.settings.hasDefault && !skipDefault) {
    const fallback = await defaultOf(attribute.settings.default);
    if (fallback != null) {
      const written = await writeAttributeValue(state.schema, attribute, fallback, path.printable);
      if (written.attributeValue !== undefined) {
        if (path.segments.length === 1) state.topValues.set(path.printable, written.value);
        pushWritten(state, path, written.attributeValue);
        return;
      }
    }
  }
  if (attribute?.settings.required) {
    throw new ValidationError(path.printable, "required", undefined, "is required and cannot be removed");
  }
  if (path.segments.length === 1) state.topValues.set(path.printable, undefined);
  pushWritten(state, path, undefined);
}

/**
 * Plans an update: the actions to send and the version it requires, if any.
 *
 * @throws InvalidParameter for an unknown operator or a path into a non-map; TypeMismatch and
 * ValidationError from the write pipeline.
 *
 * @example
 * ```ts
 * await planUpdate(schema, { name: "Ann", $ADD: { visits: 1 } }, new Date());
 * // { actions: [{ kind: "set", path: ["name"], … }, { kind: "add", path: ["visits"], … }], … }
 * ```
 */
export async function planUpdate(
  schema: CompiledSchema,
  update: unknown,
  now: Date,
  storedKey: Readonly<Record<string, AttributeValue>> = {},
  otherSchemas: readonly CompiledSchema[] = [],
): Promise<UpdatePlan> {
  if (!isPlainObject(update)) throw new InvalidParameterType("The update must be an object.");
  const state: PlanState = {
    schema,
    otherSchemas,
    actions: [],
    touched: new Set(),
    topValues: new Map(),
    combineSources: new Map(),
    nestedValues: new Map(),
    storedKey,
    dropped: [],
    combinedGiven: new Set(),
    expectedVersion: undefined,
  };
  for (const key of Object.keys(update)) {
    if (key.startsWith("$") && !OPERATORS.includes(key)) {
      throw new InvalidParameter(`Unknown update operator ${key} (allowed: ${OPERATORS.join(", ")}).`);
    }
  }
  // A top-level `__proto__` (from JSON) is left out, as new Model() leaves it out: the SDK reads such an
  // attribute back as nothing.
  let sets = Object.entries(update).filter(([key]) => !OPERATORS.includes(key) && key !== "__proto__");
  sets.push(...Object.entries(operatorObject(update, "$SET")).filter(([key]) => key !== "__proto__"));
  if (schema.set !== undefined) {
    const { settled, rest } = await setsAfterSchemaSet(schema, sets);
    for (const [path, value] of settled) await planSet(state, path, value, writeValueAfterSet);
    sets = rest;
  }
  for (const [path, value] of sets) {
    const pending = planSet(state, path, value);
    if (pending) await pending;
  }
  if (schema.validate !== undefined) await checkSchemaValidate(schema, state.topValues);
  for (const [path, skipDefault] of removedPaths(update.$REMOVE)) {
    if (removesUndeclared(state, path) || givesCombined(state, path)) continue;
    const change = target(state, path, undefined, "$REMOVE");
    if (change !== undefined) await planRemove(state, change.path, skipDefault);
  }
  for (const [path, value] of Object.entries(operatorObject(update, "$ADD"))) {
    const change = target(state, path, value, "$ADD");
    if (change === undefined) continue;
    const pending = whenReady(addAction(schema, change.path, change.value), (action) =>
      state.actions.push(action),
    );
    if (pending) await pending;
  }
  for (const [path, value] of Object.entries(operatorObject(update, "$DELETE"))) {
    const change = target(state, path, value, "$DELETE");
    if (change !== undefined) state.actions.push(deleteAction(change.path, change.value));
  }
  // Unknown attributes are left out, as on writes; an update of nothing else says which ones and why
  // (rather than a bare "needs a change", or an update of only `updatedAt`).
  if (state.touched.size === 0 && state.dropped.length > 0) {
    throw new InvalidParameter(
      `The update names no attribute of the schema: ${state.dropped.map((path) => `"${path}"`).join(", ")} ` +
        "(an attribute the schema does not declare, and saveUnknown does not keep, is left out, as is a value " +
        "of which saveUnknown keeps nothing).",
    );
  }
  planCombine(state);
  const automatic = planAutomatic(state, now);
  if (automatic) await automatic;
  return { actions: state.actions, expectedVersion: state.expectedVersion };
}
