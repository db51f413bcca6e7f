// `item.populate()`: replaces model-reference values by the referenced items, fetched with `get`, at
// any depth (nested objects, lists, Sets of references) and recursively inside the fetched items.
// Paths for `properties` are dotted from the root item: `o.q`; a list or Set of references is named
// by its own path (`arr`, all elements); references nested in list elements carry the element index
// (`list.1.p`, or `list.*.p` for all); references of a populated item continue its path
// (`parent.owner`). A reference whose item does not exist keeps its key value. A reference back to
// an item already on the path from the root (a cycle) keeps its key value, so populated data is
// always a finite tree.
import { checkOptions } from "../operations/options";
import { isPlainObject } from "../schema/resolve-type";
import type { ReferencedModel, ReferenceTarget } from "../schema/compiled";
import { referencedModelOf } from "../schema/links";
import { ReferenceFetcher, referenceKeyOf } from "./populate-fetch";
import { compilePopulateMatcher, type PopulateMatcher } from "./populate-paths";
import { populatePlanOf, type FieldPlan, type ValuePlan } from "./populate-plan";
import { classOfItem, itemRuntimeOf, schemaFor } from "./runtime";

export interface PopulateSettings {
  /**
   * What to populate: `true` (everything, the default), `false`, or a path or array of paths with
   * `*` (one segment) and `**` (any depth) wildcards, e.g. `["owner", "pets", "address.*"]`.
   */
  properties?: boolean | string | readonly string[];
}

/** The items from the root down to the one being populated, to recognise cycles. */
interface Ancestry {
  readonly model: ReferencedModel;
  readonly id: string;
  readonly parent: Ancestry | undefined;
}

interface Walk {
  readonly wanted: PopulateMatcher;
  readonly fetcher: ReferenceFetcher;
}

/** The settings of `populate()`, checked: a misspelt `{propertys: …}` would populate everything, silently. */
export function checkPopulateSettings(settings: PopulateSettings | undefined): PopulateSettings {
  return checkOptions(settings, ["properties"], "populate");
}

export async function populateItem<T extends object>(item: T, settings: PopulateSettings): Promise<T> {
  const wanted = compilePopulateMatcher(settings.properties);
  if (wanted === undefined) return item;
  const model = referencedModelOf(classOfItem(item));
  const key = model && referenceKeyOf(model, item);
  const ancestry = model && key ? { model, id: key.id, parent: undefined } : undefined;
  await populateInto(item, "", ancestry, { wanted, fetcher: new ReferenceFetcher() });
  return item;
}

/** Populates the references of a model item; `prefix` is the path it was reached by. */
async function populateInto(item: object, prefix: string, ancestry: Ancestry | undefined, walk: Walk) {
  const runtime = itemRuntimeOf(item);
  const data = item as Record<string, unknown>;
  const fields = populatePlanOf(schemaFor(runtime, data).shape);
  if (fields.length > 0) await populateFields(fields, data, prefix, ancestry, walk);
}

function populateFields(
  fields: readonly FieldPlan[],
  container: Record<string, unknown>,
  prefix: string,
  ancestry: Ancestry | undefined,
  walk: Walk,
): Promise<unknown> {
  return Promise.all(
    fields.map(async (field) => {
      const name = field.names.find((candidate) => container[candidate] !== undefined);
      if (name === undefined) return;
      const value = container[name];
      const path = prefix === "" ? field.name : `${prefix}.${field.name}`;
      const populated = await populateValue(field.plans, value, path, ancestry, walk);
      if (populated !== value) container[name] = populated;
    }),
  );
}

/** The value with its references populated: the same value when nothing changed in it. */
async function populateValue(
  plans: readonly ValuePlan[],
  value: unknown,
  path: string,
  ancestry: Ancestry | undefined,
  walk: Walk,
): Promise<unknown> {
  if (value === undefined || value === null) return value;
  const plan = plans.find((candidate) => fits(candidate, value));
  switch (plan?.kind) {
    case undefined:
      return value;
    case "reference":
      return populateReference(plan.target, value, path, ancestry, walk);
    case "set": {
      const members = [...(value as Iterable<unknown>)];
      const populated = await Promise.all(
        members.map((member) => populateReference(plan.target, member, path, ancestry, walk)),
      );
      if (populated.every((member, index) => member === members[index])) return value;
      return value instanceof Set ? new Set(populated) : populated;
    }
    case "list": {
      const list = value as unknown[];
      const populated = await Promise.all(
        list.map((entry, index) => {
          // A list of references is named by the list; anything else by the element's index.
          const entryPlan = plan.element.find((candidate) => fits(candidate, entry));
          const entryPath = entryPlan?.kind === "reference" ? path : `${path}.${index}`;
          return populateValue(plan.element, entry, entryPath, ancestry, walk);
        }),
      );
      return populated.every((entry, index) => entry === list[index]) ? value : populated;
    }
    case "object":
      await populateFields(plan.fields, value as Record<string, unknown>, path, ancestry, walk);
      return value;
  }
}

function fits(plan: ValuePlan, value: unknown): boolean {
  switch (plan.kind) {
    case "reference": {
      const model = plan.target.resolve();
      return model.isItem(value) || referenceKeyOf(model, value) !== undefined;
    }
    case "set":
      return value instanceof Set || Array.isArray(value);
    case "list":
      return Array.isArray(value);
    case "object":
      return isPlainObject(value);
  }
}

/** The referenced item (populated in turn), or the value itself when it is not to be or cannot be fetched. */
async function populateReference(
  target: ReferenceTarget,
  value: unknown,
  path: string,
  ancestry: Ancestry | undefined,
  walk: Walk,
): Promise<unknown> {
  if (value === undefined || value === null || !walk.wanted(path)) return value;
  const model = target.resolve();
  const key = referenceKeyOf(model, value);
  if (key === undefined || isAncestor(ancestry, model, key.id)) return value;
  const next: Ancestry = { model, id: key.id, parent: ancestry };
  // An item of the target is not fetched again; its own references are populated.
  if (model.isItem(value)) {
    await populateInto(value, path, next, walk);
    return value;
  }
  const found = await walk.fetcher.fetch(model, key);
  if (found === undefined) return value;
  await populateInto(found, path, next, walk);
  return found;
}

function isAncestor(ancestry: Ancestry | undefined, model: ReferencedModel, id: string): boolean {
  for (let entry = ancestry; entry !== undefined; entry = entry.parent) {
    if (entry.model === model && entry.id === id) return true;
  }
  return false;
}
