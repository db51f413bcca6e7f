// Checks of the table options whose values DynamoDB would only refuse at setup, or not at all: a wrong
// kind of value is an InvalidParameter when the model or table is defined, naming the option and the value.
import { describeValue, InvalidParameter } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import type { ResolvedThroughput } from "./definition";
import type { StreamType, WaitForActiveOptions } from "./options";

const STREAM_TYPES: readonly StreamType[] = ["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"];
const STREAM_TYPE_NAMES = '"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES" or "KEYS_ONLY"';

function refuse(option: string, wanted: string, value: unknown): never {
  throw new InvalidParameter(`Table option \`${option}\` must be ${wanted} (got ${describeValue(value)}).`);
}

/** `create`, `initialize`: booleans. */
export function booleanOption(option: string, value: unknown): boolean {
  if (typeof value !== "boolean") refuse(option, "true or false", value);
  return value;
}

/** `prefix`, `suffix`: strings. */
export function textOption(option: string, value: unknown): string {
  if (typeof value !== "string") refuse(option, "a string", value);
  return value;
}

/** `entityAttribute`: an attribute name, if given. */
export function attributeNameOption(option: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== "string" || value === ""))
    refuse(option, "an attribute name", value);
  return value;
}

/** `tags`: an object of string values (DynamoDB's tags are strings). */
export function tagsOption(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) refuse("tags", "an object of strings", value);
  for (const [key, tag] of Object.entries(value)) {
    if (typeof tag !== "string") refuse(`tags.${key}`, "a string", tag);
  }
  return value as Record<string, string>;
}

/** `streamOptions`: `{enabled?: boolean, type?: one of DynamoDB's four view types}`. */
export function streamOption(value: unknown): { enabled: boolean; type: StreamType | undefined } {
  if (!isPlainObject(value)) refuse("streamOptions", "{enabled, type}", value);
  const { enabled = false, type } = value; // unknown keys: option-names.ts
  if (typeof enabled !== "boolean") refuse("streamOptions.enabled", "true or false", enabled);
  if (type !== undefined && !STREAM_TYPES.includes(type as StreamType)) {
    refuse("streamOptions.type", STREAM_TYPE_NAMES, type);
  }
  return { enabled, type: type as StreamType | undefined };
}

/**
 * Dynamoose's Table guide: with `enabled: true` the type "must be set" (unless `replication` sets it). No view
 * type is assumed: on an existing table a guessed one would replace the stream that readers follow.
 */
export function requireStreamType(stream: { enabled: boolean; type: StreamType | undefined }): void {
  if (stream.enabled && stream.type === undefined) {
    refuse(
      "streamOptions.type",
      `set when \`streamOptions.enabled\` is true: ${STREAM_TYPE_NAMES}`,
      undefined,
    );
  }
}

/** Region names as DynamoDB spells them ("us-west-2", "eu-central-1", "cn-north-1", "us-gov-west-1"). */
const REGION_NAME = /^[a-z]{2,}(-[a-z]+)+-\d+$/;

/**
 * `replication`: `{regions: [region names]}`, the regions a global table has replicas in; `undefined` when
 * left out. A misspelt region would otherwise fail only at setup, after the table was created.
 */
export function replicationOption(value: unknown): { regions: readonly string[] } | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) refuse("replication", "{regions: [region names]}", value);
  const { regions } = value; // unknown keys: option-names.ts
  if (!Array.isArray(regions))
    refuse("replication.regions", 'an array of region names ("us-west-2")', regions);
  // An index loop, not forEach: a hole in the array (`new Array(1)`) is a missing region too.
  for (let index = 0; index < regions.length; index += 1) {
    const region: unknown = regions[index];
    if (typeof region !== "string" || !REGION_NAME.test(region)) {
      refuse(`replication.regions[${index}]`, 'a region name ("us-west-2")', region);
    }
    if (regions.indexOf(region) !== index) {
      refuse(`replication.regions[${index}]`, "a region not listed before", region);
    }
  }
  return { regions: regions as string[] };
}

/** `waitForActive` after merging: `{enabled: boolean, check: {timeout, frequency}}` with times in ms. */
export function waitOption(value: unknown): WaitForActiveOptions {
  if (!isPlainObject(value))
    refuse("waitForActive", "true, false or {enabled, check: {timeout, frequency}}", value);
  const { enabled, check } = value;
  if (typeof enabled !== "boolean") refuse("waitForActive.enabled", "true or false", enabled);
  if (!isPlainObject(check)) refuse("waitForActive.check", "{timeout, frequency}", check);
  for (const part of ["timeout", "frequency"] as const) {
    const time = check[part];
    // A frequency of 0 checks again at once (setImmediate), as Dynamoose documents.
    if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
      refuse(`waitForActive.check.${part}`, "a number of milliseconds ≥ 0", time);
    }
  }
  return value as unknown as WaitForActiveOptions;
}

const isCapacity = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 1;

/**
 * A throughput, of a table or of an index: a whole number of capacity units ≥ 1 (both read and write),
 * `{read, write}` (a part left out is 1), or `"ON_DEMAND"`; undefined for anything else, which DynamoDB
 * would refuse only when the table is created or updated.
 */
export function throughputValue(throughput: unknown): ResolvedThroughput | undefined {
  if (throughput === "ON_DEMAND" || isCapacity(throughput)) return throughput;
  if (!isPlainObject(throughput)) return undefined;
  const { read = 1, write = 1, ...rest } = throughput;
  return isCapacity(read) && isCapacity(write) && Object.keys(rest).length === 0
    ? { read, write }
    : undefined;
}

/** What `throughputValue` accepts, for messages. */
export const THROUGHPUT_FORMS = 'a whole number ≥ 1, {read, write} with whole numbers ≥ 1, or "ON_DEMAND"';
