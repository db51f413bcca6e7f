// UpdateItem for `Model.update`: the update object and settings → the exact UpdateItemCommandInput.
// Pure (no client): asynchronous only because `set`/`validate` functions and defaults may be.
import type { AttributeValue, ReturnValue, UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, InvalidParameterType, describeValue } from "../errors";
import { andExpressions } from "../expressions/compile";
import { isPlainObject } from "../expressions/is-plain-object";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { compileUpdate } from "../expressions/update";
import type { CompiledSchema } from "../schema/compiled";
import { expressionTargetOf } from "../schema/expression-target";
import { keyToDynamo } from "../schema/key";
import { keyAttributeNamed } from "../schema/key-names";
import { isThenable } from "../schema/normalize";
import { compileConditionSetting, type ConditionSetting } from "./condition-input";
import { planUpdate } from "./update-plan";
import { checkUpdateLimits } from "./update-limits";

export interface UpdateSettings {
  /** A Condition (or raw `{ConditionExpression, …}` object) the stored item must meet; AND-ed in. */
  condition?: ConditionSetting;
  /** DynamoDB's ReturnValues (default `"ALL_NEW"`): which attributes the update resolves with. */
  returnValues?: ReturnValue;
  /** `"request"`: resolve with the UpdateItem input instead of sending it. */
  return?: "item" | "request";
}

const RETURN_VALUES: readonly string[] = ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"];

/**
 * Splits `update({...key, ...changes})`: the hash and range key attributes (by name, or by an alias any of
 * the model's schemas gives them, unless another schema holds that name as an ordinary attribute) are the
 * key, everything else the update.
 *
 * @example
 * ```ts
 * splitKeyAndUpdate([schema], { id: 1, name: "Ann" }); // [{ id: 1 }, { name: "Ann" }]
 * ```
 */
export function splitKeyAndUpdate(
  schemas: readonly CompiledSchema[],
  object: unknown,
): [Record<string, unknown>, Record<string, unknown>] {
  if (!isPlainObject(object)) {
    if (typeof object === "object" && object !== null && !Array.isArray(object)) {
      // An item, most likely (Dynamoose took one and set every attribute it held: `set` ran again on stored
      // values, `get` display values were stored, a list read in part replaced the stored list).
      throw new InvalidParameterType(
        `update(object) needs a plain object holding the key and the changes (got ${describeInstance(object)}). ` +
          "To write an item's changes, call item.save(): it writes only what changed.",
      );
    }
    throw new InvalidParameterType("update(object) needs an object holding the key and the changes.");
  }
  const key: Record<string, unknown> = {};
  const update: Record<string, unknown> = {};
  for (const name of Object.keys(object)) {
    if (name === "__proto__") continue; // (from JSON) as new Model() leaves it out
    (keyAttributeNamed(schemas, name) === undefined ? update : key)[name] = object[name];
  }
  return [key, update];
}

/** `an instance of Cat` (the class an object was made by), or `an object` when it has none to name. */
function describeInstance(object: object): string {
  const name = (Object.getPrototypeOf(object) as { constructor?: { name?: unknown } } | null)?.constructor
    ?.name;
  return typeof name === "string" && name !== "" ? `an instance of ${name}` : "an object";
}

/**
 * Builds the UpdateItem input of `Model.update(key, update, settings)`: $SET values through the write
 * pipeline of their attribute, automatic timestamps/forceDefault/COMBINE/version, the caller's
 * condition AND-ed with the version check.
 *
 * @example
 * ```ts
 * await buildUpdateInput(schema, "Cat", { id: 1 }, { name: "Tom", $ADD: { lives: -1 } }, {});
 * // { TableName: "Cat", Key: { id: { N: "1" } }, UpdateExpression: "SET #n0 = :v0 ADD #n1 :v1", … }
 * ```
 */
export async function buildUpdateInput(
  schema: CompiledSchema,
  tableName: string,
  key: unknown,
  update: unknown,
  settings: UpdateSettings,
  context: UpdateContext = {},
): Promise<UpdateItemCommandInput> {
  const converted = keyToDynamo(schema, key);
  const keyValues = isThenable(converted) ? await converted : converted;
  return buildUpdateInputForKey(schema, tableName, keyValues, update, settings, context);
}

/** What an update is planned in besides its schema: the time it stamps, and the model's other schemas. */
export interface UpdateContext {
  /** The time timestamps take (default: now). */
  readonly now?: Date;
  /**
   * The model's other schemas (SPEC §3: several item shapes): an attribute only one of them declares is
   * planned with its definition, as Dynamoose writes it, rather than dropped as unknown.
   */
  readonly otherSchemas?: readonly CompiledSchema[];
}

/**
 * `buildUpdateInput` for a key already in its stored form (`keyValues`, as the key of an item read from
 * the table names it), which is not converted again.
 */
export async function buildUpdateInputForKey(
  schema: CompiledSchema,
  tableName: string,
  keyValues: Record<string, AttributeValue>,
  update: unknown,
  settings: UpdateSettings,
  context: UpdateContext = {},
): Promise<UpdateItemCommandInput> {
  const returnValues = settings.returnValues ?? "ALL_NEW";
  if (!RETURN_VALUES.includes(returnValues)) {
    throw new InvalidParameter(
      `update: returnValues must be one of ${RETURN_VALUES.join(", ")} (got ${describeValue(returnValues)}).`,
    );
  }
  const plan = await planUpdate(schema, update, context.now ?? new Date(), keyValues, context.otherSchemas);
  checkUpdateLimits(schema.shape, keyValues, plan.actions);
  const registry = new PlaceholderRegistry();
  // The caller's condition takes the first placeholders, as in Dynamoose.
  const userCondition = compileConditionSetting(settings.condition, expressionTargetOf(schema), registry);
  const versionCondition =
    plan.expectedVersion === undefined
      ? undefined
      : `${registry.name(schema.version!)} = ${registry.value(plan.expectedVersion)}`;
  const input: UpdateItemCommandInput = {
    TableName: tableName,
    Key: keyValues,
    UpdateExpression: compileUpdate(plan.actions, registry),
    ReturnValues: returnValues,
  };
  const condition = andExpressions([userCondition, versionCondition]);
  if (condition !== undefined) input.ConditionExpression = condition;
  input.ExpressionAttributeNames = registry.names;
  if (registry.values) input.ExpressionAttributeValues = registry.values;
  // A failed condition (a lost optimistic-locking race, or the caller's own) then carries the stored
  // item as error.item, as a failed save does.
  if (condition !== undefined) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return input;
}
