// The names of the table and model options (SPEC §7; Dynamoose's TableOptions + ModelTableOptions, plus
// dynamodel's own): an option dynamodel does not know is an InvalidParameter naming it and the known
// ones, as the migration guide promises, instead of silently meaning nothing.
import { describeValue, InvalidParameter, InvalidParameterType } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import type { TableOptions } from "./options";

type Layer = Record<string, unknown>;

/** Every table option, in the order the docs list them. */
export const TABLE_OPTION_NAMES = [
  "create",
  "update",
  "waitForActive",
  "throughput",
  "prefix",
  "suffix",
  "expires",
  "tags",
  "tableClass",
  "streamOptions",
  "replication",
  "initialize",
  "entityAttribute",
  "populate",
] as const satisfies readonly (keyof TableOptions)[];

/** The keys each object-valued option knows (Dynamoose's TableWaitForActiveSettings, …). */
const NESTED_OPTION_NAMES: Record<string, Record<string, readonly string[]>> = {
  waitForActive: { "": ["enabled", "check"], check: ["timeout", "frequency"] },
  expires: { "": ["ttl", "attribute", "items"], items: ["returnExpired"] },
  streamOptions: { "": ["enabled", "type"] },
  replication: { "": ["regions"] },
};

function checkNames(object: Layer, known: readonly string[], what: string): void {
  for (const name of Object.keys(object)) {
    if (object[name] !== undefined && !known.includes(name)) {
      throw new InvalidParameter(`Unknown ${what} "${name}": the known ones are ${known.join(", ")}.`);
    }
  }
}

/**
 * Rejects an option dynamodel does not know (`{crate: false}` would otherwise silently mean nothing),
 * naming it and the known ones; `extra` are the caller's own (a model's `tableName`).
 *
 * @example
 * ```ts
 * checkTableOptionNames({ crate: false }, "table option");
 * // InvalidParameter: Unknown table option "crate": the known ones are create, update, …
 * ```
 */
export function checkTableOptionNames(options: unknown, what: string, extra: readonly string[] = []): void {
  if (options === undefined || options === null) return;
  if (!isPlainObject(options)) {
    throw new InvalidParameter(`The ${what}s must be an object (got ${describeValue(options)}).`);
  }
  checkNames(options, [...extra, ...TABLE_OPTION_NAMES], what);
  for (const [option, levels] of Object.entries(NESTED_OPTION_NAMES)) {
    const value = options[option];
    if (!isPlainObject(value)) continue;
    checkNames(value, levels[""]!, `${what} "${option}" setting`);
    for (const [child, names] of Object.entries(levels)) {
      const nested = child === "" ? undefined : value[child];
      if (isPlainObject(nested)) checkNames(nested, names, `${what} "${option}.${child}" setting`);
    }
  }
}

/**
 * The `tableName` option: a non-empty string, or absent (`null` too) for the model's name. Anything else
 * would name a table "null" or "5", or fail only at the first request.
 */
export function tableNameOption(given: unknown, modelName: string): string {
  if (given === undefined || given === null) return modelName;
  if (typeof given !== "string") {
    throw new InvalidParameterType(`The tableName option must be a string (got ${describeValue(given)}).`);
  }
  if (given === "") throw new InvalidParameter("The tableName option must not be empty.");
  return given;
}
