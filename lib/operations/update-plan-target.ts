// Where each change of an update goes: the plan's state, and the resolution of a change's path against
// the schema (or another schema of the model), with the paths an update may not name refused.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, ValidationError } from "../errors";
import { parseDocumentPath } from "../expressions/path";
import type { UpdateAction } from "../expressions/update";
import type { CompiledSchema } from "../schema/compiled";
import { resolveUpdatePath, type UpdatePath } from "../schema/update-path";
import { keptChange, LEFT_OUT } from "./update-unknown";

export interface PlanState {
  readonly schema: CompiledSchema;
  /** The model's other schemas: a top-level attribute only one of them declares is planned with it. */
  readonly otherSchemas: readonly CompiledSchema[];
  readonly actions: UpdateAction[];
  /** Top-level attributes the update names (so automatic values never overwrite them). */
  readonly touched: Set<string>;
  /** Top-level values set, in their JavaScript form after `set` (the schema's `validate` sees these). */
  readonly topValues: Map<string, unknown>;
  /**
   * Top-level values set, as a COMBINE takes its sources: type-checked and converted, before their `set`
   * (SPEC §2's order: combine, then set), as on create. Only sources with a `set` are here.
   */
  readonly combineSources: Map<string, unknown>;
  /** Values set at a path inside a map (`address.city`), JavaScript form: a COMBINE may take one as a source. */
  readonly nestedValues: Map<string, unknown>;
  /** The key being updated, stored form: a COMBINE attribute may take a key attribute among its sources. */
  readonly storedKey: Readonly<Record<string, AttributeValue>>;
  /** Paths left out because the schema does not have them (nor keep them with saveUnknown). */
  readonly dropped: string[];
  /** COMBINE attributes the update gives a value for (or removes): only ever computed (planCombine). */
  readonly combinedGiven: Set<string>;
  expectedVersion: AttributeValue | undefined;
}

/** A change the plan makes: where, and the value as the schema keeps it. */
export interface Change {
  readonly path: UpdatePath;
  readonly value: unknown;
}

/**
 * Resolves a change's path; `undefined` drops the change: an unknown attribute the schema does not keep,
 * or a value of which saveUnknown keeps nothing there (update-unknown.ts).
 */
export function target(state: PlanState, path: string, value: unknown, operator: string): Change | undefined {
  const resolved = resolveUpdatePath(state.schema, path) ?? resolvedInOtherSchema(state, path);
  const { keepUnknown } = state.schema;
  const kept =
    resolved?.keptUnknown && keepUnknown
      ? keptChange(keepUnknown, resolved.segments.join("."), operator, value)
      : value;
  if (resolved === undefined || kept === LEFT_OUT) {
    state.dropped.push(path);
    return undefined;
  }
  const root = String(resolved.segments[0]);
  if (root === state.schema.hashKey || root === state.schema.rangeKey) {
    throw new ValidationError(resolved.printable, "key", value, "is a key attribute and cannot be updated");
  }
  if (root === state.schema.version && operator !== "$SET") {
    throw new InvalidParameter(
      `${operator} of "${resolved.printable}": the version attribute is managed by optimistic locking.`,
    );
  }
  // A flattened sub-attribute touches its object (as `address.city` touches `address`), for forceDefault.
  state.touched.add(resolved.root?.flatten === undefined ? root : resolved.root.name);
  return { path: resolved, value: kept };
}

/**
 * A path into a top-level attribute another schema of the model declares (the update names attributes of
 * two shapes, `{a: 2, b: "x"}`): resolved, and so written through, with that schema's definition, as
 * Dynamoose writes it. (Dropped as unknown, it was lost without a word.)
 */
function resolvedInOtherSchema(state: PlanState, path: string): UpdatePath | undefined {
  for (const other of state.otherSchemas) {
    const resolved = resolveUpdatePath(other, path);
    if (resolved !== undefined && !resolved.keptUnknown) return resolved;
  }
  return undefined;
}

/**
 * `$REMOVE` of an attribute the schema does not declare (nor `saveUnknown` keep) removes it as named, as
 * Dynamoose does: it is how the leftovers of an earlier schema, or of other code, are cleaned up. Only a
 * path into a declared attribute goes through the schema. True when it planned the removal.
 */
export function removesUndeclared(state: PlanState, path: string): boolean {
  const segments = parseDocumentPath(path);
  const root = segments[0];
  if (typeof root !== "string" || state.schema.shape.byInputName.has(root)) return false;
  if (state.schema.keepUnknown?.(root)) return false;
  state.touched.add(root);
  state.actions.push({ kind: "remove", path: segments });
  return true;
}

/**
 * A value for (or the removal of) a COMBINE attribute is not written: the attribute is computed from its
 * sources on every write, as saves do. planCombine recomputes it when the update gives all of its
 * sources, and refuses the update otherwise. True when `path` names one.
 */
export function givesCombined(state: PlanState, path: string): boolean {
  const attribute = state.schema.shape.byInputName.get(path);
  if (attribute?.variants[0]?.kind !== "combine") return false;
  state.combinedGiven.add(attribute.name);
  return true;
}
