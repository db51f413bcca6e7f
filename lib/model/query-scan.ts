// The two concrete builders over Retriever: Query (by key, from the table or an index chosen
// automatically) and Scan (the whole table or index, optionally in parallel segments).
import type { QueryCommandInput, ScanCommandInput } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import { positiveInteger } from "../operations/retrieve-input";
import type { QueryCount, QueryResponse, ScanCount, ScanResponse } from "./retrieve-response";
import type { Projected } from "./projected";
import { Retriever } from "./retriever";
import { countSetting } from "./retrieve-settings";

/** What `count()` turns a query builder into: counts after items, items again after counts. */
type QueryCountToggled<T, R, P extends string, X extends string> = R extends readonly unknown[]
  ? Query<T, QueryCount, P, X>
  : Query<T, QueryResponse<T>, P, X>;

/** What `count()` turns a scan builder into: counts after items, items again after counts. */
type ScanCountToggled<T, R, P extends string, X extends string> = R extends readonly unknown[]
  ? Scan<T, ScanCount, P, X>
  : Scan<T, ScanResponse<T>, P, X>;

/** DynamoDB's largest `TotalSegments`. */
const maxSegments = 1_000_000;

/**
 * `Model.query(…)`: reads by key from the table or an index (chosen automatically, or with `using()`).
 *
 * @example
 * ```ts
 * const page = await Cat.query("owner").eq("ann").where("born").between(a, b).sort("descending").limit(20).exec();
 * const { count } = await Cat.query("owner").eq("ann").count().exec();
 * ```
 */
export class Query<
  T,
  R = QueryResponse<T>,
  P extends string = string,
  X extends string = string,
> extends Retriever<T, R, QueryCommandInput, P, X> {
  /**
   * Reads only these document paths (`ProjectionExpression`); the item type narrows to the attributes
   * they name. @example `Cat.query("owner").eq("ann").attributes(["id", "name"])`
   */
  attributes<const A extends P>(
    paths: readonly A[],
  ): Query<Projected<T, A, P>, R extends readonly unknown[] ? QueryResponse<Projected<T, A, P>> : R, P, X> {
    return this.projected(paths) as never;
  }
  /** Range-key order: `"descending"` sends `ScanIndexForward: false`. @example `Cat.query("id").eq(1).sort("descending")` */
  sort(order: "ascending" | "descending" | null | undefined): this {
    return this.withSettings(() => {
      if (order == null) return { descending: false }; // not set: ascending, as in Dynamoose
      if (order !== "ascending" && order !== "descending") {
        throw new InvalidParameter(`sort() takes "ascending" or "descending" (got ${describeValue(order)}).`);
      }
      return { descending: order === "descending" };
    });
  }
  /**
   * Resolve with `{count, queriedCount}` instead of items (`Select: "COUNT"`). A second `count()` turns it
   * off again, as in Dynamoose. @example `Cat.query("id").eq(1).count()`
   */
  count(): QueryCountToggled<T, R, P, X> {
    return this.withSettings((settings) =>
      countSetting(settings.count === true),
    ) as unknown as QueryCountToggled<T, R, P, X>;
  }
}

/**
 * `Model.scan(…)`: reads the whole table (or an index with `using()`), filtered by the condition.
 *
 * @example
 * ```ts
 * const grey = await Cat.scan("tags").contains("grey").all().exec();
 * const { count } = await Cat.scan().count().all().exec();
 * ```
 */
export class Scan<
  T,
  R = ScanResponse<T>,
  P extends string = string,
  X extends string = string,
> extends Retriever<T, R, ScanCommandInput, P, X> {
  /**
   * Reads only these document paths (`ProjectionExpression`); the item type narrows to the attributes
   * they name. @example `Cat.scan().attributes(["id", "name"])`
   */
  attributes<const A extends P>(
    paths: readonly A[],
  ): Scan<Projected<T, A, P>, R extends readonly unknown[] ? ScanResponse<Projected<T, A, P>> : R, P, X> {
    return this.projected(paths) as never;
  }
  /**
   * A parallel scan in `segments` segments, requested concurrently. Its `lastKey` is an array with one
   * entry per segment (`null` once a segment has finished), and `startAt()` takes that array back.
   * @example `await Cat.scan().parallel(4).all().exec()`
   */
  parallel(segments: number | null | undefined): this {
    return this.withSettings(() => {
      // Not set (`undefined` or `null`), as in Dynamoose: one sequential scan.
      if (segments == null) return { segments: undefined };
      const count = positiveInteger(segments, "parallel()");
      // DynamoDB's own bound on TotalSegments; more would also mean a runaway number of requests in flight.
      if (count > maxSegments) {
        throw new InvalidParameter(
          `parallel() takes at most ${maxSegments} segments, DynamoDB's limit (got ${count}).`,
        );
      }
      return { segments: count };
    });
  }
  /**
   * Resolve with `{count, scannedCount}` instead of items (`Select: "COUNT"`). A second `count()` turns it
   * off again, as in Dynamoose. @example `Cat.scan().count()`
   */
  count(): ScanCountToggled<T, R, P, X> {
    return this.withSettings((settings) =>
      countSetting(settings.count === true),
    ) as unknown as ScanCountToggled<T, R, P, X>;
  }
}
