// Which DynamoDB error a rejection is, by its `name`. The SDK rejects with Error instances; client mocks
// written for Dynamoose (`aws.ddb.set({putItem: () => Promise.reject({name: "…"})})`) reject with plain
// `{name, message}` objects, which must be retried, explained and annotated alike.

/** A rejection as the library reads it: an Error, or a plain object with the same fields. */
export interface ServiceError {
  name: string;
  message?: string;
}

/**
 * Whether `error` is one of the DynamoDB errors `names`.
 *
 * @example
 * ```ts
 * isServiceError(new Error("x"), "ThrottlingException"); // false (its name is "Error")
 * isServiceError({ name: "ThrottlingException" }, "ThrottlingException"); // true
 * ```
 */
export function isServiceError(error: unknown, ...names: readonly string[]): error is ServiceError {
  if (typeof error !== "object" || error === null) return false;
  const { name } = error as { name?: unknown };
  return typeof name === "string" && names.includes(name);
}
