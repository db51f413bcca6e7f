// What schema.pre/schema.post are given, checked before anything is registered: the operation names (one,
// or an array as in Mongoose) and the hook function.
import { describeValue, InvalidParameter } from "../errors";

/** The operations hooks may be registered for (SPEC §9). */
export const HOOK_OPERATIONS = [
  "validate",
  "save",
  "delete",
  "update",
  "get",
  "query",
  "scan",
  "batchGet",
  "batchPut",
  "batchDelete",
  "transaction",
] as const;

export type HookOperation = (typeof HOOK_OPERATIONS)[number];

function checkOperation(operation: unknown): asserts operation is HookOperation {
  if (!HOOK_OPERATIONS.includes(operation as HookOperation)) {
    throw new InvalidParameter(
      `Unknown hook operation ${describeValue(operation)}: use one of ${HOOK_OPERATIONS.join(", ")}.`,
    );
  }
}

/**
 * The operations a hook is registered for: one name, or (as in Mongoose) an array of names. Every name
 * is checked before the hook is registered for any, so a bad name registers nothing.
 */
export function operationsOf(operation: unknown): HookOperation[] {
  if (!Array.isArray(operation)) {
    checkOperation(operation);
    return [operation];
  }
  if (operation.length === 0) {
    throw new InvalidParameter(`A hook needs an operation: use one of ${HOOK_OPERATIONS.join(", ")}.`);
  }
  for (const name of operation) checkOperation(name);
  return [...new Set(operation as HookOperation[])];
}

/**
 * A hook must be a function. Mongoose also takes an options object before it (`schema.pre("save",
 * {document: true}, fn)`); dynamodel has no document/query split to choose between, so that form is
 * refused with a message saying what to write instead.
 */
export function checkFunction(kind: "pre" | "post", operation: unknown, hook: unknown, extra: unknown): void {
  if (typeof hook === "function") return;
  const call = `schema.${kind}(${describeValue(operation)}, …)`;
  if (typeof extra === "function" && hook !== null && typeof hook === "object") {
    throw new InvalidParameter(
      `${call}: hook options such as Mongoose's {document, query} are not supported (got ${describeValue(hook)}). ` +
        `Pass the hook function as the second argument.`,
    );
  }
  throw new InvalidParameter(`${call}: a hook must be a function (got ${describeValue(hook)}).`);
}
