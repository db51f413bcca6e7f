/**
 * The results of queries and scans: real Arrays of items carrying `lastKey`, `count`, the scanned count
 * and the number of requests, plus `populate()` and `toJSON()` (as in Dynamoose), and the plain count
 * objects `count()` resolves with.
 *
 * @example
 * ```ts
 * const cats = await Cat.query("owner").eq("ann").exec();
 * cats.length; cats.count; cats.queriedCount; cats.timesQueried; cats.lastKey;
 * JSON.stringify(cats); // the items' toJSON()
 * ```
 */
import type { ObjectType } from "../dynamoose-names";
import { type Callback, withCallback } from "../callbacks";
import type { Item } from "./item";
import { checkPopulateSettings, populateItem, type PopulateSettings } from "./populate";

/** What every query and scan result array carries. */
interface ResponseMembers {
  /** The items DynamoDB returned (after its filter), summed over the requests. */
  count: number;
  /**
   * Populates model references of every item; resolves with this array, or calls `callback(error, array)`.
   * @example `await (await Cat.scan().exec()).populate({ properties: "parent" })`
   */
  populate(settings?: PopulateSettings): Promise<this>;
  populate(callback: Callback<this>): undefined;
  populate(settings: PopulateSettings, callback: Callback<this>): undefined;
  /** The items' `toJSON()`, so `JSON.stringify(result)` gives plain data. */
  toJSON(): ObjectType[];
}

/**
 * A `Model.query()` result: the items, `lastKey` (the key to pass to `startAt()` for the next page, or
 * undefined at the end), `count`, `queriedCount` (items DynamoDB read before filtering, from its
 * `ScannedCount`) and `timesQueried` (requests sent).
 */
export interface QueryResponse<T> extends Array<T>, ResponseMembers {
  /** Typed as Dynamoose types it (`ObjectType`), so code reading `lastKey.id` for a cursor compiles. */
  lastKey: ObjectType | undefined;
  queriedCount: number;
  /** The same number as `queriedCount`, as Dynamoose's query docs show it (not enumerable). */
  scannedCount: number;
  timesQueried: number;
}

/** One entry per segment of a parallel scan: where it stopped, or `null` for a segment that has finished. */
export type ParallelLastKey = (Record<string, unknown> | null)[];

/**
 * A `Model.scan()` result: as {@link QueryResponse}, with `scannedCount` and `timesScanned`. For a
 * `parallel()` scan `lastKey` is an array with an entry per segment (a {@link ParallelLastKey}); it is typed
 * `ObjectType` either way, as Dynamoose types it.
 */
export interface ScanResponse<T> extends Array<T>, ResponseMembers {
  lastKey: ObjectType | undefined;
  scannedCount: number;
  timesScanned: number;
}

/** What `Model.query(…).count().exec()` resolves with. */
export interface QueryCount {
  count: number;
  queriedCount: number;
}

/** What `Model.scan(…).count().exec()` resolves with. */
export interface ScanCount {
  count: number;
  scannedCount: number;
}

export type RetrieveKind = "query" | "scan";

/** Totals of one or more requests. */
export interface PageTotals {
  readonly lastKey: Record<string, unknown> | ParallelLastKey | undefined;
  readonly count: number;
  readonly scannedCount: number;
  readonly requests: number;
}

function populateAll<R extends object[]>(
  this: R,
  settings?: PopulateSettings | Callback<R>,
  callback?: Callback<R>,
): Promise<R> | undefined {
  // Checked once, so a misspelt option is reported for an empty result too.
  const populated = (options: PopulateSettings) =>
    Promise.resolve()
      .then(() => checkPopulateSettings(options))
      .then((checked) => Promise.all(this.map((item) => populateItem(item, checked))))
      .then(() => this);
  if (typeof settings === "function") return withCallback(populated({}), settings);
  return withCallback(populated(settings ?? {}), callback);
}

function itemsToJson(this: object[]): ObjectType[] {
  return this.map((item) => (item as Item).toJSON());
}

/** Turns an array of items into a result array. The data members are enumerable (as in Dynamoose). */
export function toResponse<T extends object>(
  kind: RetrieveKind,
  items: T[],
  totals: PageTotals,
): QueryResponse<T> | ScanResponse<T> {
  const response = items as T[] & Record<string, unknown>;
  response.lastKey = totals.lastKey;
  response.count = totals.count;
  if (kind === "query") {
    response.queriedCount = totals.scannedCount;
    response.timesQueried = totals.requests;
    // Dynamoose's docs read `scannedCount` off a query result; its own results print `queriedCount` only.
    Object.defineProperty(response, "scannedCount", {
      value: totals.scannedCount,
      writable: true,
      configurable: true,
    });
  } else {
    response.scannedCount = totals.scannedCount;
    response.timesScanned = totals.requests;
  }
  Object.defineProperty(response, "populate", { value: populateAll, writable: true, configurable: true });
  Object.defineProperty(response, "toJSON", { value: itemsToJson, writable: true, configurable: true });
  return response as unknown as QueryResponse<T> | ScanResponse<T>;
}

/** The plain object `count()` resolves with. */
export function toCount(kind: RetrieveKind, totals: PageTotals): QueryCount | ScanCount {
  return kind === "query"
    ? { count: totals.count, queriedCount: totals.scannedCount }
    : { count: totals.count, scannedCount: totals.scannedCount };
}
