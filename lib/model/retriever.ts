/**
 * The `Model.query()` / `Model.scan()` builders (SPEC §5). Every chain method changes the builder and
 * returns it, as Dynamoose's do, so `if (lastKey) scan.startAt(lastKey)` works without keeping the result.
 * (A {@link Condition} given to `query()`/`scan()` is copied: chaining on the builder leaves it.) What a run sends is
 * fixed when it starts: chaining on after `exec()` changes only the next run. Nothing runs until `exec()`,
 * `getRequest()`, `pages()` or `for await`, and no chain method throws: a bad argument is the query's
 * failure, which those report. (`Model.query(init)`/`Model.scan(init)` throw for a bad `init`, as in
 * Dynamoose.)
 *
 * @example
 * ```ts
 * const recent = Cat.query("owner").eq("ann").where("born").gt(new Date("2020-01-01"));
 * if (lastKey) recent.startAt(lastKey);
 * const page = await recent.limit(10).exec();
 * ```
 */
import { type Callback, withCallback } from "../callbacks";
import { InvalidParameter } from "../errors";
import { Condition, type ConditionGroupInit } from "../expressions/condition";
import type { PathSegment } from "../expressions/path";
import type { RetrieveSettings } from "../operations/retrieve-input";
import { valuesSettled } from "../pending-values";
import { buildInputs, type RetrieveJob, retrievePages, runRetrieve } from "./retrieve-run";
import { observedPages } from "./observed-pages";
import type { PathGroupInit } from "./path-condition";
import {
  allSetting,
  consistentSetting,
  indexSetting,
  limitSetting,
  projectionSetting,
} from "./retrieve-settings";
import { isObserved, operationContext, runHooked } from "./operation-hooks";

/** An attribute name or document path (`"address.city"`), or its segments (`["a.b"]` for a dotted name). */
export type AttributeName = string | readonly PathSegment[];

/**
 * Any index name. Intersected with an empty object type so that TypeScript keeps the declared names
 * (`X | AnyIndexName`) instead of widening the union to `string`, and editors still offer them.
 */
type AnyIndexName = string & Record<never, never>;

/**
 * What queries and scans share: every Condition method, the request settings and the ways to run.
 * `T` is the item type, `R` what `exec()` resolves with, `I` the DynamoDB input type, `P` the attribute
 * paths and `X` the index names the schema allows (inferred by `model()`; plain strings otherwise).
 */
export abstract class Retriever<
  T,
  R,
  I extends object,
  P extends string = string,
  X extends string = string,
> implements AsyncIterable<T> {
  /** What the builder says so far: an immutable value, replaced by each chain method (retrieve-run.ts). */
  #job: RetrieveJob;

  /** @internal Builders are made by `Model.query()` / `Model.scan()`. */
  constructor(job: RetrieveJob) {
    this.#job = job;
  }

  /**
   * What runs once the pre hooks are through: the job of the builder the context's `query` holds (the copy
   * the hooks were given, changed or not, or another builder of the model a hook put there).
   */
  #afterPreHooks(query: unknown, given: Retriever<T, R, I, P, X>): RetrieveJob {
    const builder = query instanceof Retriever ? (query as Retriever<T, R, I, P, X>) : given;
    const { runtime, kind } = builder.#job;
    if (runtime !== this.#job.runtime) {
      // Another model's items would go through this model's post hooks and reach its caller as its own.
      throw new InvalidParameter(
        `A ${this.#job.kind} pre hook of ${this.#job.runtime.name} put a ${kind} of ${runtime.name} in ` +
          `this.query: it may change the request, or put another query or scan of ${this.#job.runtime.name} there.`,
      );
    }
    return builder.#job;
  }

  /**
   * The builder the hooks get as `this.query` (SPEC §9: a pre hook may change the request parts): a copy, so
   * a hook's `this.query.where("deleted").eq(false)` changes this run, as Mongoose's query middleware does
   * with `this.where(…)`, and not the caller's builder, which a second `exec()` would give the hook again.
   */
  #forHooks(): this {
    const Builder = this.constructor as new (job: RetrieveJob) => this;
    return new Builder(this.#job);
  }

  /**
   * Replaces the job by what `step` makes of it, and returns this builder. A step that throws (a bad
   * argument) does not throw here: the builder keeps the error, and `exec()`, `getRequest()`,
   * `pages()` and iteration fail with it (retrieve-run.ts, buildInputs), so a callback or a `.catch()`
   * sees it as it sees every other failure of the query. After a failed step the later ones are skipped:
   * the first error is the one reported.
   */
  #step(step: (job: RetrieveJob) => RetrieveJob): this {
    const job = this.#job;
    if (job.failure !== undefined) return this;
    let next: RetrieveJob;
    try {
      next = step(job);
    } catch (error) {
      next = { ...job, failure: { error } };
    }
    this.#job = next;
    return this;
  }

  /** Takes the settings `change` works out; what `change` throws is the builder's failure. */
  protected withSettings(change: (settings: RetrieveSettings) => Partial<RetrieveSettings>): this {
    return this.#step((job) => ({
      ...job,
      settings: Object.freeze({ ...job.settings, ...change(job.settings) }),
    }));
  }

  #chain(change: (condition: Condition) => Condition): this {
    // On a copy: a job is a value a run may still hold (conditions change in place).
    return this.#step((job) => ({ ...job, condition: change(new Condition(job.condition)) }));
  }

  /** Names the attribute the next comparator applies to. @example `Cat.scan().where("age").gt(3)` */
  where(attribute: P | readonly PathSegment[]): this {
    return this.#chain((condition) => condition.where(attribute));
  }
  /** Alias of `where`. @example `Cat.query("id").eq(1).filter("age").gt(3)` */
  filter(attribute: P | readonly PathSegment[]): this {
    return this.where(attribute);
  }
  /** Alias of `where`. @example `Cat.scan().attribute("age").gt(3)` */
  attribute(attribute: P | readonly PathSegment[]): this {
    return this.where(attribute);
  }
  /** `=`. @example `Cat.query("owner").eq("ann")` */
  eq(value: unknown): this {
    return this.#chain((condition) => condition.eq(value));
  }
  /** `<>`. @example `Cat.scan("status").ne("gone")` */
  ne(value: unknown): this {
    return this.#chain((condition) => condition.ne(value));
  }
  /** `<`. @example `Cat.scan("age").lt(3)` */
  lt(value: unknown): this {
    return this.#chain((condition) => condition.lt(value));
  }
  /** `<=`. @example `Cat.scan("age").le(3)` */
  le(value: unknown): this {
    return this.#chain((condition) => condition.le(value));
  }
  /** `>`. @example `Cat.scan("age").gt(3)` */
  gt(value: unknown): this {
    return this.#chain((condition) => condition.gt(value));
  }
  /** `>=`. @example `Cat.scan("age").ge(3)` */
  ge(value: unknown): this {
    return this.#chain((condition) => condition.ge(value));
  }
  /** `BETWEEN low AND high` (inclusive), or `between(...range)`. @example `Cat.scan("age").between(1, 5)` */
  between(low: unknown, high: unknown): this;
  between(...values: readonly unknown[]): this;
  between(...values: readonly unknown[]): this {
    return this.#chain((condition) => condition.between(...values));
  }
  /** `begins_with`. @example `Cat.query("owner").eq("ann").where("sk").beginsWith("2024-")` */
  beginsWith(prefix: unknown): this {
    return this.#chain((condition) => condition.beginsWith(prefix));
  }
  /** `contains`: a substring, or a set or list element. @example `Cat.scan("tags").contains("grey")` */
  contains(value: unknown): this {
    return this.#chain((condition) => condition.contains(value));
  }
  /** `attribute_exists`, or `attribute_not_exists` with `false`. @example `Cat.scan("vet").exists(false)` */
  exists(expected = true): this {
    return this.#chain((condition) => condition.exists(expected));
  }
  /** `IN (…)`. @example `Cat.scan("color").in(["grey", "black"])` */
  in(values: readonly unknown[]): this {
    return this.#chain((condition) => condition.in(values));
  }
  /** Compares `size(attribute)` with the next comparator. @example `Cat.scan("tags").size().ge(2)` */
  size(): this {
    return this.#chain((condition) => condition.size());
  }
  /** Negates the next comparator or group. @example `Cat.scan("name").not().eq("Tom")` */
  not(): this {
    return this.#chain((condition) => condition.not());
  }
  /**
   * Reads as AND, the default join; changes nothing, as in Dynamoose.
   * @example `Cat.scan("a").eq(1).and().where("b").eq(2)`
   */
  and(): this {
    return this.#chain((condition) => condition.and());
  }
  /** Joins the next comparison with OR. @example `Cat.scan("a").eq(1).or().where("b").eq(2)` */
  or(): this {
    return this.#chain((condition) => condition.or());
  }
  /**
   * A parenthesised sub-condition.
   * @example `Cat.query("owner").eq("ann").and().group((c) => c.where("age").lt(2).or().where("age").gt(9))`
   */
  group(group: PathGroupInit<P>): this {
    // A PathCondition is a Condition at run time; its type only checks the names the callback uses.
    return this.#chain((condition) => condition.group(group as ConditionGroupInit));
  }
  /** Alias of `group`. @example `Cat.scan().parenthesis(new Condition("a").eq(1))` */
  parenthesis(group: PathGroupInit<P>): this {
    return this.group(group);
  }

  /**
   * DynamoDB's per-request `Limit`: items evaluated per request. `undefined` or `null` means no limit, as in
   * Dynamoose (`limit(request.query.limit)`). @example `Cat.scan().limit(25)`
   */
  limit(count: number | null | undefined): this {
    return this.withSettings(() => limitSetting(count));
  }
  /**
   * Continues after `key`: a result's `lastKey` as returned (undefined starts from the beginning).
   * @example `Cat.scan().startAt(firstPage.lastKey)`
   */
  startAt(key: Record<string, unknown> | readonly (Record<string, unknown> | null)[] | undefined): this {
    return this.withSettings(() => ({ startAt: key }));
  }
  /** `attributes()` of the subclasses: the projection, checked. (Each subclass narrows the item type.) */
  protected projected(paths: readonly string[]): this {
    return this.withSettings(() => projectionSetting(paths));
  }
  /**
   * Strongly consistent reads (tables and local indexes only). Without an argument it toggles, as in
   * Dynamoose (a second `consistent()` turns it off again); `consistent(true)` or `(false)` sets it, and
   * `null` clears it, as for the other settings.
   * @example `Cat.query("id").eq(1).consistent()`
   */
  consistent(enabled?: boolean | null): this {
    return this.withSettings((settings) => consistentSetting(enabled, settings.consistent === true));
  }
  /**
   * Reads this index; for queries, skips automatic index choice. The schema's index names are offered, but
   * any name is accepted: an index the schema does not declare (a table made elsewhere) can be scanned, or
   * queried with a raw key condition (`query({FilterExpression, …})`).
   * @example `Cat.query("email").eq(e).using("byEmail")`
   */
  using(indexName: X | AnyIndexName | null | undefined): this {
    return this.withSettings(() => indexSetting(indexName));
  }
  /**
   * Follows `LastEvaluatedKey` in `exec()`: `delay` ms between requests, at most `max` requests (0 = no limit).
   * @example `await Cat.scan().all().exec()`
   */
  all(delay = 0, max = 0): this {
    return this.withSettings(() => allSetting(delay, max));
  }

  /** Runs the query or scan. @example `const cats = await Cat.scan().exec()` */
  exec(): Promise<R>;
  exec(callback: Callback<R>): undefined;
  exec(callback?: Callback<R>): Promise<R> | undefined {
    const { runtime, kind } = this.#job;
    if (!isObserved(runtime, kind)) return withCallback(runRetrieve<T>(this.#job) as Promise<R>, callback);
    // The query/scan hooks see `{model, operation, query, settings}`, `query` a copy of this builder; a pre
    // hook may also put another builder of the model there. What `query` holds after the pre hooks runs.
    const given = this.#forHooks();
    const context = operationContext(runtime, kind, { query: given });
    const work = runHooked(
      runtime,
      kind,
      context,
      () => runRetrieve<T>(this.#afterPreHooks(context.query, given)) as Promise<R>,
    );
    return withCallback(work as Promise<R>, callback);
  }

  /** The DynamoDB input `exec()` would send first; sends nothing. @example `await Cat.scan().getRequest()` */
  getRequest(): Promise<I> {
    const job = this.#job; // as the builder is now, not after later chain calls
    return Promise.resolve().then(async () => {
      const input = buildInputs(job)[0]!;
      await valuesSettled(input);
      return input as I;
    });
  }

  /**
   * The results page by page, each shaped like `exec()`'s, following `LastEvaluatedKey` (within `all()`'s
   * `max`, if set). The next page is requested only when asked for.
   * @example `for await (const page of Cat.scan().limit(100).pages()) console.log(page.length, page.lastKey)`
   */
  pages(): AsyncGenerator<R> {
    return this.#hookedPages(retrievePages) as AsyncGenerator<R, void, undefined>;
  }

  /**
   * Streams the items page by page; a `break` sends no further request.
   * @example `for await (const cat of Cat.query("owner").eq("ann")) if (cat.name === "Tom") break;`
   */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const pages = this.#hookedPages(itemPages); // the builder as it is now, as for pages()
    return (async function* () {
      for await (const page of pages) yield* page as T[];
    })();
  }

  /**
   * The pages, between the query/scan hooks and observed by the model's `error` event (observed-pages.ts):
   * a builder's failure, found before anything is sent, too.
   */
  #hookedPages(
    pagesOf: (job: RetrieveJob) => AsyncIterable<unknown>,
  ): AsyncGenerator<unknown, void, undefined> {
    const { runtime, kind } = this.#job;
    const given = this.#forHooks();
    return observedPages(runtime, kind, given, (query) => pagesOf(this.#afterPreHooks(query, given)));
  }
}

/**
 * The pages `for await` walks: a count() has none to give. A builder's own failure comes first, as `exec()`
 * reports it (retrievePages throws it before sending anything).
 */
async function* itemPages(job: RetrieveJob): AsyncGenerator<unknown, void, undefined> {
  if (job.failure === undefined && job.settings.count === true) {
    throw new InvalidParameter("A count() has no items to iterate: use exec() for the counts.");
  }
  yield* retrievePages(job);
}
