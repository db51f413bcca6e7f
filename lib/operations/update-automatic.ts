// The values an update sets by itself, after the caller's changes are planned (update-plan.ts): COMBINE
// attributes from their sources, `updatedAt`/`createdAt`, `forceDefault` attributes and the version.
import { InvalidParameter } from "../errors";
import { combineValue, sourceRoot, sourceValue } from "../schema/combine";
import type { PathSegment } from "../expressions/path";
import { flattenedActions } from "../schema/flatten";
import { isThenable } from "../schema/normalize";
import { timestampValue } from "../schema/write";
import { writeAttributeValue } from "../schema/write-value";
import type { PlanState } from "./update-plan-target";
import type { UpdatePath } from "../schema/update-path";
import type { CompiledSchema } from "../schema/compiled";

/** An attribute's default: its value, or what its (possibly asynchronous) function returns. */
export async function defaultOf(setting: unknown): Promise<unknown> {
  const value = typeof setting === "function" ? (setting as () => unknown)() : setting;
  return isThenable(value) ? await value : value;
}

/**
 * COMBINE attributes: recomputed when all sources are given, an error when only some are (SPEC §12). A
 * value given for the attribute itself is not stored: it is recomputed from its sources, which the update
 * must then give.
 */
export function planCombine(state: PlanState): void {
  for (const attribute of state.schema.shape.attributes) {
    const variant = attribute.variants[0]!;
    if (variant.kind !== "combine") continue;
    const sources = new Map(variant.attributes.map((source) => [source, sourceInUpdate(state, source)]));
    const names = (list: readonly string[]) => list.map((name) => `"${name}"`).join(", ");
    // A key attribute among the sources is known from the key.
    const fromKey = (source: string) => state.storedKey[source] !== undefined;
    const missing = variant.attributes.filter(
      (source) => sources.get(source)!.kind === "untouched" && !fromKey(source),
    );
    if (state.combinedGiven.has(attribute.name) && missing.length > 0) {
      throw new InvalidParameter(
        `"${attribute.name}" is computed from ${names(variant.attributes)} ` +
          `on every write, so a value for it is not stored: update ${names(missing)} ` +
          `instead (with all of its sources, "${attribute.name}" is recomputed and the value given is ignored).`,
      );
    }
    if (variant.attributes.every((source) => sources.get(source)!.kind === "untouched")) continue;
    // Changed by $ADD, $DELETE, $IF_NOT_EXISTS, $LIST_PREPEND or a path inside it: the new value is not
    // known here, so the combined value could not be kept right.
    const unknown = variant.attributes.filter((source) => sources.get(source)!.kind === "unknown");
    if (unknown.length > 0) {
      throw new InvalidParameter(
        `"${attribute.name}" combines ${names(variant.attributes)}, and ` +
          `${names(unknown)} is changed in a way whose result is not known ` +
          `before DynamoDB applies it: set it to a plain value to update "${attribute.name}" too.`,
      );
    }
    if (missing.length > 0) {
      throw new InvalidParameter(
        `"${attribute.name}" combines ${names(variant.attributes)}: ` +
          `update all of them or none (missing ${names(missing)}).`,
      );
    }
    const values: Record<string, unknown> = {};
    for (const [source, given] of sources) if (given.kind === "known") values[source] = given.value;
    state.actions.push({
      kind: "set",
      path: [attribute.name],
      value: {
        S: combineValue(state.schema, values, variant.attributes, variant.separator, state.storedKey),
      },
    });
  }
}

type SourceInUpdate = { kind: "untouched" } | { kind: "unknown" } | { kind: "known"; value: unknown };

/**
 * What an update does to a COMBINE source: leaves it alone, sets it to a value known here (as on create,
 * the value before its `set`), or changes it in a way only DynamoDB will know the result of. A dotted
 * source (`"address.city"`) is known from its map set whole, or from a value set at exactly its path.
 */
function sourceInUpdate(state: PlanState, source: string): SourceInUpdate {
  const root = sourceRoot(source);
  if (!state.touched.has(root)) return { kind: "untouched" };
  if (state.topValues.has(root)) {
    const values = { [root]: state.combineSources.get(root) ?? state.topValues.get(root) };
    return { kind: "known", value: sourceValue(values, source) };
  }
  if (root === source) return { kind: "unknown" };
  const segments = source.split(".");
  const overlapping = state.actions.filter((action) => overlaps(action.path, segments));
  if (overlapping.length === 0) return { kind: "untouched" };
  return state.nestedValues.has(source) && overlapping.length === 1 && overlapping[0]!.kind === "set"
    ? { kind: "known", value: state.nestedValues.get(source) }
    : { kind: "unknown" };
}

/** Whether one path is inside the other (or they are the same). */
function overlaps(path: readonly PathSegment[], other: readonly string[]): boolean {
  const length = Math.min(path.length, other.length);
  for (let index = 0; index < length; index++) if (path[index] !== other[index]) return false;
  return true;
}

/** `updatedAt` is set to now; `createdAt` only if the update creates the item; `forceDefault` always. */
export function planAutomatic(state: PlanState, now: Date): Promise<void> | undefined {
  planTimestamps(state, now);
  const { schema } = state;
  const forced = schema.shape.attributes.some((attribute) => attribute.settings.forceDefault);
  if (!forced) {
    planVersionIncrement(state);
    return undefined;
  }
  return planForcedDefaults(state).then(() => planVersionIncrement(state));
}

function planTimestamps(state: PlanState, now: Date): void {
  const { schema, touched, actions } = state;
  // A timestamp that is a key (a `createdAt` range key) is given with the key; an update cannot set it.
  const isKey = (name: string) => isKeyAttribute(schema, name);
  for (const timestamp of schema.updatedAt) {
    if (touched.has(timestamp.name) || isKey(timestamp.name)) continue;
    actions.push({
      kind: "set",
      path: [timestamp.name],
      value: timestamp.type.toDynamo(timestampValue(timestamp, now)),
    });
  }
  for (const timestamp of schema.createdAt) {
    if (touched.has(timestamp.name) || isKey(timestamp.name)) continue;
    const value = timestamp.type.toDynamo(timestampValue(timestamp, now));
    actions.push({ kind: "set", path: [timestamp.name], value, ifNotExists: true });
  }
}

// "Always use the default value, even if a value is already set" (Dynamoose): an update that names a
// forceDefault attribute itself ($SET, $ADD, $REMOVE, a nested path) has that part replaced by the default,
// as Dynamoose's update forces defaults on the values it is given.
async function planForcedDefaults(state: PlanState): Promise<void> {
  const { schema, touched } = state;
  for (const attribute of schema.shape.attributes) {
    if (!attribute.settings.forceDefault) continue;
    // A key attribute is given with the key (its default applied there); an update cannot set it.
    if (isKeyAttribute(schema, attribute.name)) continue;
    if (touched.has(attribute.name) && attribute.flatten !== undefined) continue; // its parts are the caller's
    const value = await defaultOf(attribute.settings.default);
    if (value == null) continue;
    const { actions } = state;
    if (touched.has(attribute.name)) {
      for (let index = actions.length - 1; index >= 0; index -= 1) {
        if (actions[index]!.path[0] === attribute.name) actions.splice(index, 1);
      }
    }
    const written = await writeAttributeValue(schema, attribute, value, attribute.name);
    if (attribute.flatten !== undefined)
      actions.push(...flattenedActions(attribute.flatten, written.attributeValue));
    else if (written.attributeValue !== undefined) {
      actions.push({ kind: "set", path: [attribute.name], value: written.attributeValue });
    }
  }
}

const isKeyAttribute = (schema: CompiledSchema, name: string): boolean =>
  name === schema.hashKey || name === schema.rangeKey;

function planVersionIncrement(state: PlanState): void {
  const version = state.schema.version;
  if (version !== undefined) state.actions.push({ kind: "add", path: [version], value: { N: "1" } });
}

/** Whether a top-level value set is a COMBINE's source with a `set` of its own (see `combineSources`). */
export function isCombineSourceWithSet(state: PlanState, path: UpdatePath): boolean {
  const attribute = path.attribute;
  if (path.segments.length !== 1 || attribute === undefined || !attribute.flags.set) return false;
  return state.schema.shape.attributes.some((each) => {
    const variant = each.variants[0]!;
    return variant.kind === "combine" && variant.attributes.includes(attribute.name);
  });
}
