// Option objects are checked, not trusted: an unknown option is an error, so a typo
// (`{overwrite: false}` spelled `{overWrite: false}`) never silently changes what is written.
import { describeValue, InvalidParameter, InvalidParameterType } from "../errors";

export function checkOptions<T extends object>(
  settings: T | undefined,
  allowed: readonly string[],
  operation: string,
): Partial<T> {
  if (settings === undefined || settings === null) return {};
  if (typeof settings !== "object" || Array.isArray(settings)) {
    throw new InvalidParameterType(
      `${operation}: settings must be an object (got ${describeValue(settings)}).`,
    );
  }
  for (const key of Object.keys(settings)) {
    if (!allowed.includes(key)) {
      throw new InvalidParameter(`${operation}: unknown option "${key}" (allowed: ${allowed.join(", ")}).`);
    }
  }
  return settings;
}

/** `return` is "item" (the default, or "items"/"response" for batches) or "request". */
export function wantsRequest(settings: { return?: unknown }, operation: string): boolean {
  const value = settings.return;
  if (
    value === undefined ||
    value === null ||
    value === "item" ||
    value === "items" ||
    value === "response"
  ) {
    return false;
  }
  if (value === "request") return true;
  throw new InvalidParameter(
    `${operation}: return must be "${resultReturnOf[operation] ?? "item"}" or "request" (got ${describeValue(value)}).`,
  );
}

/** The `return` value each batch operation documents for its usual result (Dynamoose's names). */
const resultReturnOf: Record<string, string | undefined> = {
  batchGet: "items",
  transaction: "items",
  batchPut: "response",
  batchDelete: "response",
};

/**
 * A true/false option (`overwrite`, `consistent`): `undefined` or `null` when not set. Anything else is an
 * InvalidParameter, not read for its truthiness: `{overwrite: "no"}` must not overwrite.
 *
 * @example
 * ```ts
 * booleanSetting(settings.overwrite, "overwrite"); // true, false or undefined
 * ```
 */
export function booleanSetting(value: unknown, description: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  throw new InvalidParameter(`${description} must be true or false (got ${describeValue(value)}).`);
}
