// Table options (SPEC §7): their types, the built-in defaults, and the merge
// "constructor options > the instance's custom defaults > built-in defaults", deep (key by key) as in
// Dynamoose, so `{waitForActive: {check: {timeout: 5000}}}` keeps the default frequency.
import { describeValue, InvalidParameter } from "../errors";
import {
  attributeNameOption,
  booleanOption,
  replicationOption,
  requireStreamType,
  streamOption,
  tagsOption,
  textOption,
  THROUGHPUT_FORMS,
  throughputValue,
  waitOption,
} from "./option-values";
import { isPlainObject } from "../expressions/is-plain-object";
import type { ResolvedThroughput } from "./definition";
import { checkTableOptionNames } from "./option-names";

/**
 * The `throughput` option: capacity units for both reads and writes, `{read, write}` (either may be left
 * out: it comes from `Table.defaults`, else 1, as in Dynamoose), or `"ON_DEMAND"` (pay-per-request billing).
 *
 * @example
 * ```ts
 * new dynamodel.Table("Cats", [Cat], { throughput: { read: 5 } }); // 5 read units, 1 write unit
 * ```
 */
export type Throughput =
  number | { read: number; write?: number } | { read?: number; write: number } | "ON_DEMAND";

export interface WaitForActiveOptions {
  enabled: boolean;
  check: { timeout: number; frequency: number };
}

/** What `update` may change on an existing table. */
export const UPDATE_PARTS = [
  "ttl",
  "indexes",
  "throughput",
  "tags",
  "tableClass",
  "streams",
  "replication",
] as const;
export type UpdatePart = (typeof UPDATE_PARTS)[number];

export type StreamType = "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY";

export interface ExpiresOptions {
  /** Milliseconds from a write until the item expires (the TTL attribute's default). */
  ttl?: number;
  /** The TTL attribute (default `"ttl"`), stored as epoch seconds. */
  attribute?: string;
  /** `returnExpired: false` drops items whose TTL has passed from every read (default true). */
  items?: { returnExpired?: boolean };
}

export interface TableOptions {
  /** Create the table when it does not exist. Default: true. */
  create?: boolean;
  /** `true` or the parts to bring in line with the schemas on an existing table. Default: false. */
  update?: boolean | readonly UpdatePart[];
  /** Wait until the table and its indexes are ACTIVE. Default: enabled, 180 s timeout, 1 s polls. */
  waitForActive?: boolean | { enabled?: boolean; check?: { timeout?: number; frequency?: number } };
  /**
   * Default: `{read: 1, write: 1}`; a number sets both; `{read: 5}` or `{write: 5}` takes the other from
   * `Table.defaults` (else 1); `"ON_DEMAND"` is pay-per-request billing.
   */
  throughput?: Throughput;
  /** Added before the table name. */
  prefix?: string;
  /** Added after the table name. */
  suffix?: string;
  /** Item expiry (TTL): milliseconds, or the full settings. */
  expires?: number | ExpiresOptions;
  /** Table tags. */
  tags?: Record<string, string>;
  /** Default: `"standard"`. */
  tableClass?: "standard" | "infrequentAccess";
  /** DynamoDB Streams. Default: disabled. */
  streamOptions?: { enabled?: boolean; type?: StreamType };
  /**
   * A global table: replicas of the table in these regions (the client's own region, where the table
   * itself is, may be listed too). Turns on a `NEW_AND_OLD_IMAGES` stream, which replication needs.
   * Replicas are added when the table is created, and on an existing table with `update` including
   * `"replication"`; they are never removed. Default: none.
   *
   * @example
   * ```ts
   * new dynamodel.Table("Cats", [Cat], { throughput: "ON_DEMAND", replication: { regions: ["us-west-2"] } });
   * ```
   */
  replication?: { regions: readonly string[] };
  /** Run the setup flow (create, wait, TTL, update). Default: true. */
  initialize?: boolean;
  /** An attribute written with the model's name on every item, used to tell a shared table's models apart. */
  entityAttribute?: string;
  /**
   * Dynamoose's (undocumented) automatic `populate`: every item a get, query, scan, batchGet or
   * transaction get reads, and the item an update returns, is populated with these properties (`true`:
   * all references) before it is returned. Default: false.
   * @example `new dynamodel.Table("Pets", [Cat, Owner], { populate: ["owner"] })`
   */
  populate?: boolean | string | readonly string[];
}

export interface ResolvedExpires {
  ttl: number | undefined;
  attribute: string;
  returnExpired: boolean;
}

export interface ResolvedTableOptions {
  create: boolean;
  update: readonly UpdatePart[];
  waitForActive: WaitForActiveOptions;
  throughput: ResolvedThroughput;
  prefix: string;
  suffix: string;
  expires: ResolvedExpires | undefined;
  tags: Record<string, string>;
  tableClass: "standard" | "infrequentAccess";
  streamOptions: { enabled: boolean; type: StreamType | undefined };
  /** The replica regions (`replication.regions`), if any. */
  replicaRegions: readonly string[];
  initialize: boolean;
  entityAttribute: string | undefined;
  populate: boolean | string | readonly string[];
}

const BUILT_IN = {
  create: true,
  update: false,
  waitForActive: { enabled: true, check: { timeout: 180_000, frequency: 1000 } },
  throughput: { read: 1, write: 1 },
  prefix: "",
  suffix: "",
  tags: {},
  tableClass: "standard",
  streamOptions: { enabled: false },
  initialize: true,
} satisfies TableOptions;

type Layer = Record<string, unknown>;

/** Deep merge of plain objects; a later layer wins, arrays and other values are replaced whole. */
function merge(...layers: Layer[]): Layer {
  const result: Layer = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const before = result[key];
      result[key] = isPlainObject(value) && isPlainObject(before) ? merge(before, value) : value;
    }
  }
  return result;
}

/** `true`/`false` stand for an enabled/disabled object, so they merge with the object form. */
function expandWait(options: Layer): Layer {
  const wait = options.waitForActive;
  return typeof wait === "boolean" ? { ...options, waitForActive: { enabled: wait } } : options;
}

function resolveExpires(expires: unknown): ResolvedExpires | undefined {
  if (expires === undefined || expires === null) return undefined;
  if (typeof expires === "number") {
    // A TTL of 0 or less would store every item already expired; Infinity, a Date no item could store.
    if (!isTimeToLive(expires))
      throw new InvalidParameter(
        `Table option \`expires\` must be a positive, finite number of ms (got ${describeValue(expires)}).`,
      );
    return { ttl: expires, attribute: "ttl", returnExpired: true };
  }
  if (!isPlainObject(expires))
    throw new InvalidParameter("Table option `expires` must be a number or an object.");
  const { ttl, attribute = "ttl", items } = expires as ExpiresOptions;
  if (ttl !== undefined && !isTimeToLive(ttl))
    throw new InvalidParameter(
      `\`expires.ttl\` must be a positive, finite number of ms (got ${describeValue(ttl)}).`,
    );
  if (typeof attribute !== "string" || attribute === "" || attribute.includes(".")) {
    throw new InvalidParameter(
      `\`expires.attribute\` must be a top-level attribute name (got ${describeValue(attribute)}).`,
    );
  }
  if (items !== undefined && items !== null && !isPlainObject(items)) {
    throw new InvalidParameter(`\`expires.items\` must be an object (got ${describeValue(items)}).`);
  }
  const returnExpired = items?.returnExpired ?? true;
  if (typeof returnExpired !== "boolean") {
    throw new InvalidParameter(
      `\`expires.items.returnExpired\` must be true or false (got ${describeValue(returnExpired)}).`,
    );
  }
  return { ttl, attribute, returnExpired };
}

const isTimeToLive = (value: unknown): value is number =>
  typeof value === "number" && value > 0 && Number.isFinite(value);

/**
 * `throughput`: see `throughputValue`. Caught here rather than when the table is created or updated, far
 * from the mistake (or, for `null`, with a TypeError).
 */
function resolveThroughput(throughput: unknown): ResolvedThroughput {
  // A part left out of {read, write} is 1. The merge with the built-in default fills it already, except
  // over a layer that was not an object (`Table.defaults.set({throughput: "ON_DEMAND"})`, then `{read: 5}`).
  const resolved = throughputValue(throughput);
  if (resolved !== undefined) return resolved;
  throw new InvalidParameter(
    `Table option \`throughput\` must be ${THROUGHPUT_FORMS} (got ${describeValue(throughput)}).`,
  );
}

function resolveUpdate(update: unknown): readonly UpdatePart[] {
  if (update === true) return UPDATE_PARTS;
  if (update === false || update === undefined) return [];
  if (!Array.isArray(update))
    throw new InvalidParameter(
      `Table option \`update\` must be a boolean or an array (got ${describeValue(update)}).`,
    );
  for (const part of update) {
    if (!(UPDATE_PARTS as readonly unknown[]).includes(part)) {
      throw new InvalidParameter(
        `Unknown table update part "${String(part)}" (use ${UPDATE_PARTS.join(", ")}).`,
      );
    }
  }
  return update as UpdatePart[];
}

/** `populate`: false, true (every reference), a path or paths; anything else is a mistake. */
function resolvePopulate(populate: unknown): boolean | string | readonly string[] {
  if (populate === undefined || typeof populate === "boolean") return populate ?? false;
  const valid =
    (typeof populate === "string" && populate !== "") ||
    (Array.isArray(populate) && populate.every((path) => typeof path === "string"));
  if (!valid) {
    throw new InvalidParameter(
      `Table option \`populate\` must be a boolean, a path or an array of paths (got ${describeValue(populate)}).`,
    );
  }
  return populate as string | readonly string[];
}

/**
 * `replication` and `streamOptions` together: replicas are filled from a `NEW_AND_OLD_IMAGES` stream, so
 * replication turns that stream on (as in Dynamoose), and a stream of another view type contradicts it.
 */
function replicationAndStream(
  replication: unknown,
  stream: unknown,
): Pick<ResolvedTableOptions, "replicaRegions" | "streamOptions"> {
  const replicaRegions = replicationOption(replication)?.regions ?? [];
  const streamOptions = streamOption(stream);
  if (replicaRegions.length === 0) {
    requireStreamType(streamOptions);
    return { replicaRegions, streamOptions };
  }
  const { enabled, type } = streamOptions;
  if (enabled && type !== undefined && type !== "NEW_AND_OLD_IMAGES") {
    throw new InvalidParameter(
      `Table option \`streamOptions.type\` must be "NEW_AND_OLD_IMAGES" with \`replication\`, which ` +
        `replicates from that stream (got ${describeValue(type)}).`,
    );
  }
  return { replicaRegions, streamOptions: { enabled: true, type: "NEW_AND_OLD_IMAGES" } };
}

/**
 * The options a table runs with: `options` over the instance's custom defaults over the built-in ones.
 *
 * @example
 * ```ts
 * resolveTableOptions({ waitForActive: { check: { timeout: 5000 } } }).waitForActive;
 * // { enabled: true, check: { timeout: 5000, frequency: 1000 } }
 * ```
 */
export function resolveTableOptions(
  options: TableOptions = {},
  defaults: TableOptions = {},
): ResolvedTableOptions {
  checkTableOptionNames(defaults, "table option");
  checkTableOptionNames(options, "table option");
  const merged = merge(BUILT_IN, expandWait({ ...defaults }), expandWait({ ...options })) as Required<
    Omit<TableOptions, "expires" | "entityAttribute" | "waitForActive" | "populate" | "replication">
  > & {
    waitForActive: WaitForActiveOptions;
    expires?: unknown;
    entityAttribute?: string;
    populate?: unknown;
    replication?: unknown;
  };
  const tableClass = merged.tableClass;
  if (tableClass !== "standard" && tableClass !== "infrequentAccess") {
    throw new InvalidParameter(
      `Table option \`tableClass\` must be "standard" or "infrequentAccess" (got ${describeValue(tableClass)}).`,
    );
  }
  return {
    create: booleanOption("create", merged.create),
    update: resolveUpdate(merged.update),
    waitForActive: waitOption(merged.waitForActive),
    throughput: resolveThroughput(merged.throughput),
    prefix: textOption("prefix", merged.prefix),
    suffix: textOption("suffix", merged.suffix),
    expires: resolveExpires(merged.expires),
    tags: tagsOption(merged.tags),
    tableClass,
    ...replicationAndStream(merged.replication, merged.streamOptions),
    initialize: booleanOption("initialize", merged.initialize),
    entityAttribute: attributeNameOption("entityAttribute", merged.entityAttribute),
    populate: resolvePopulate(merged.populate),
  };
}
