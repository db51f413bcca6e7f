// The schema-level `set` and `validate` (SPEC §2's write pipeline) for `Model.update`. An update holds only
// the attributes it names, so, as in Dynamoose, these functions receive the attributes the update sets to
// plain values (real names), not a whole item: write them to tolerate missing attributes. Nested paths and
// `$ADD`/`$DELETE`/`$REMOVE` change values DynamoDB computes, which no function here can see.
import { ValidationError } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import type { CompiledSchema } from "../schema/compiled";
import { isThenable } from "../schema/normalize";
import { UNDEFINED } from "../schema/type-markers";
import { resolveUpdatePath } from "../schema/update-path";
import { keptUnknownValue } from "../schema/unknown-values";
import { valueAfterAttributeSet } from "../schema/write-value";

/** `{$IF_NOT_EXISTS: v}` and the like: not a plain value the schema's functions could see. */
function isValueOperator(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]!.startsWith("$");
}

/** The update's `[path, value]` sets split by what the schema's `set` did to them (`setsAfterSchemaSet`). */
export interface SetsAfterSchemaSet {
  /**
   * Top-level plain values, through their attribute's `set` and then the schema's: the rest of the pipeline
   * runs next. `undefined` where the attribute's `set` returned it.
   */
  readonly settled: [string, unknown][];
  /** The others (nested paths, value operators, removals, dropped attributes), for the whole pipeline. */
  readonly rest: [string, unknown][];
}

/**
 * The update's `[path, value]` sets after the attributes' `set` and then the schema's (SPEC §2's order):
 * the top-level plain values, each through its attribute's `set`, are passed to the schema's `set` as one
 * object, and its values for those attributes replace them.
 *
 * @example
 * ```ts
 * // schema set: (item) => ({ ...item, email: item.email?.toLowerCase() })
 * await setsAfterSchemaSet(schema, [["mail", "A@B.C"], ["address.city", "Oslo"]]);
 * // { settled: [["email", "a@b.c"]], rest: [["address.city", "Oslo"]] }
 * ```
 */
export async function setsAfterSchemaSet(
  schema: CompiledSchema,
  sets: readonly [string, unknown][],
): Promise<SetsAfterSchemaSet> {
  const schemaSet = schema.set!;
  const whole: Record<string, unknown> = {};
  const rest: [string, unknown][] = [];
  for (const [path, value] of sets) {
    const resolved =
      value === undefined || value === UNDEFINED || isValueOperator(value)
        ? undefined
        : resolveUpdatePath(schema, path);
    const name = resolved?.segments.length === 1 ? String(resolved.segments[0]) : undefined;
    const attribute = name === undefined ? undefined : schema.shape.byName.get(name);
    if (name !== undefined && attribute !== undefined && attribute === resolved!.attribute) {
      // A COMBINE attribute is only ever computed: its value is not the item's (update-plan.ts).
      if (attribute.variants.some((variant) => variant.kind === "combine")) rest.push([path, value]);
      else whole[name] = await valueAfterAttributeSet(schema, attribute, value, name);
      continue;
    }
    // An unknown attribute saveUnknown keeps is shown as the item keeps it (what its patterns keep), as on a
    // save. Anything else (a nested or flattened path, a dropped attribute) takes the whole pipeline.
    const kept =
      name !== undefined && resolved!.keptUnknown && resolved!.attribute === undefined
        ? keptUnknownValue(schema.keepUnknown!, name, value)
        : undefined;
    if (kept === undefined) rest.push([path, value]);
    else whole[name!] = kept;
  }
  const names = Object.keys(whole);
  if (names.length === 0) return { settled: [], rest };
  const result = schemaSet({ ...whole });
  const after = isThenable(result) ? await result : result;
  // Only the attributes the update names are taken back, as Dynamoose takes back only the attribute it
  // passed: a function written for whole items (`name: String(item.name)`) must not write the attributes
  // the update left alone. One it leaves out (or a result that is no object) keeps the attribute's value;
  // one it sets to undefined is left out of the update, as a save would leave it out of the item. An
  // undefined the attribute's own `set` returned, and the schema's kept, stays: the rest of the pipeline
  // removes the attribute (or refuses it, when required), as without a schema `set`.
  const settled: [string, unknown][] = [];
  for (const name of names) {
    const value = isPlainObject(after) && Object.hasOwn(after, name) ? after[name] : whole[name];
    if (value !== undefined || whole[name] === undefined) settled.push([name, value]);
  }
  return { settled, rest };
}

/**
 * The schema's `validate`, given the top-level values the update sets (in their JavaScript form, after
 * the attributes' own pipeline). Not called when the update sets no plain value.
 *
 * @throws ValidationError when it returns a falsy value; nothing is sent.
 */
export async function checkSchemaValidate(
  schema: CompiledSchema,
  values: ReadonlyMap<string, unknown>,
): Promise<void> {
  const checked: Record<string, unknown> = {};
  for (const [name, value] of values) if (value !== undefined) checked[name] = value;
  if (Object.keys(checked).length === 0) return;
  const result = schema.validate!(checked);
  const passed = isThenable(result) ? await result : result;
  if (!passed) throw new ValidationError("", "schema", checked, "failed the schema's validate rule");
}
