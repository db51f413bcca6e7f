// Where a transaction element came from. Elements stay plain `{Put: …}` objects users can inspect and
// log; what the library needs later (the model, the key as the caller gave it, what to record on an item
// once the write succeeded) lives in a non-enumerable symbol property of the element, gone with it.
// Object.keys, JSON, spreading, util.inspect and jest's equality all skip such a property. (A WeakMap did
// the same at about 1 µs per element, the cost of adding a fresh key to a weak table; the property costs
// about 0.2 µs.)
import type { Instance } from "../instance";
import type { ModelRuntime } from "../model/runtime";

export interface ElementOrigin {
  readonly runtime: ModelRuntime;
  /** The key as the caller gave it (a bare hash value becomes `{[hashKey]: value}`). */
  readonly key: Record<string, unknown>;
  /** Runs after the transaction succeeded: e.g. an item saved in it records its new stored image. */
  readonly commit?: () => void;
  /** A get element's projected attributes read only for the table's sake (model/read-needs.ts). */
  readonly unasked?: readonly string[];
}

const ORIGIN = Symbol("dynamodel.transactionElementOrigin");
/** Every model with a `transaction` static: raw elements are matched to them by table name. */
const knownModels: ModelRuntime[] = [];

export function recordOrigin<E extends object>(element: E, origin: ElementOrigin): E {
  Object.defineProperty(element, ORIGIN, { value: origin });
  return element;
}

export function originOf(element: unknown): ElementOrigin | undefined {
  // Anything may be given as an element; what is not an element is refused later, by elementParts.
  if (typeof element !== "object" || element === null) return undefined;
  return (element as { [ORIGIN]?: ElementOrigin })[ORIGIN];
}

export function registerTransactionModel(runtime: ModelRuntime): void {
  knownModels.push(runtime);
}

/**
 * The model of a table, for a raw element: first among the models of the transaction's own elements,
 * then among all models of the instance, the most recently defined first. Looked up by the table's
 * current name at call time, so a name decided later (prefix, suffix, a shared Table) is still found.
 * In a table shared by several models, any of them will do: the read pipeline hands a stored item to the
 * model it belongs to.
 */
export function modelOfTable(
  instance: Instance | undefined,
  tableName: string,
  nearby: readonly ModelRuntime[],
): ModelRuntime | undefined {
  const near = nearby.find((runtime) => tableNameOf(runtime) === tableName);
  if (near !== undefined) return near;
  // Reading a model's table binds a model that has none yet to its implicit table. Models named in the
  // table name (the usual case: the table is named after its model) are asked first, so a lookup rarely
  // binds a model it does not need. Without an instance, every instance's models are asked.
  const candidates = knownModels
    .filter((runtime) => instance === undefined || runtime.instance === instance)
    .reverse();
  const likely = candidates.filter((runtime) => tableName.includes(runtime.name));
  for (const runtime of [...likely, ...candidates]) {
    if (tableNameOf(runtime) === tableName) return runtime;
  }
  return undefined;
}

/** The name of the model's table; undefined for a model that cannot be bound (keys unlike its table's). */
function tableNameOf(runtime: ModelRuntime): string | undefined {
  try {
    return runtime.table.name;
  } catch {
    return undefined;
  }
}
