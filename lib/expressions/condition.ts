/**
 * The public Condition builder (SPEC §5). Every method changes the condition and returns it, as
 * Dynamoose's do, so a condition built up statement by statement (`if (a) condition.where("a").eq(a);`)
 * keeps every part. Its state is an immutable value that each method replaces: a query or scan copies it
 * when given the condition, and `group()` takes it as it is then.
 *
 * @example
 * ```ts
 * const condition = new Condition("age").ge(18);
 * if (onlyActive) condition.and().where("status").eq("active");
 * await User.update({ id: 1 }, { $ADD: { visits: 1 } }, { condition });
 * ```
 */
import { InvalidParameterType } from "../errors";
import type { ConditionNode } from "./ast";
import type { ComparatorName } from "./comparators";
import type { ConditionObject } from "./condition-object";
import { type ConditionState, finishedNode } from "./condition-state";
import { compared, grouped, initialState, named, refuseUnfinished, sized } from "./condition-steps";
import type { PathSegment } from "./path";
import type { RawCondition } from "./raw";
import { emitLog } from "../logger/logger";

/** What `new Condition(init)` accepts: an attribute name, an object form, another Condition, or a raw condition. */
export type ConditionInit = string | Condition | RawCondition | ConditionObject;

/** What `group()` / `parenthesis()` accept: a condition, or a function that builds one from a fresh Condition. */
export type ConditionGroupInit =
  Condition | RawCondition | ConditionObject | ((fresh: Condition) => Condition);

/** Reads a Condition's private state; assigned in the class's static block so it stays module-private. */
let stateOf: (condition: Condition) => ConditionState;
/** See {@link withLaterMethodsJoined}. */
let joinsLaterMethods: (condition: Condition) => Condition;

/**
 * The condition, with methods called on it later AND-ed even if it was made from a raw condition (whose
 * own later methods are ignored, as in Dynamoose): a query or scan builder started from a raw condition
 * adds what is chained after it, e.g. a filter after a raw key condition.
 */
export function withLaterMethodsJoined(condition: Condition): Condition {
  return joinsLaterMethods(condition);
}

/**
 * A condition for writes (`condition` setting), query/scan filters and transaction condition checks.
 * Every attribute name and value is sent as a placeholder; values go through the attribute's write
 * conversion when the request is built (so a `Date` works).
 *
 * - `and()` is the default join; `or()` joins the next comparison with OR. AND binds tighter than OR, as in
 *   DynamoDB, and the compiled expression spells the grouping out with parentheses.
 * - `not()` negates the next comparator (or group); a `where()` after it discards it, as in Dynamoose
 *   (logged as a `warn` event): `eq`↔`ne`, `lt`→`ge`,
 *   `le`→`gt`, `gt`→`le`, `ge`→`lt`, `exists`→`attribute_not_exists`, and `contains` and groups are
 *   wrapped in `NOT (…)`. `in`, `between` and `beginsWith` after `not()` throw an `InvalidFilterComparison`,
 *   as in Dynamoose; negate a group holding one instead.
 * - Dotted names are document paths: `where("address.lines[0]")`. An array of segments names an attribute
 *   whose name contains a dot: `where(["a.b"])`.
 *
 * @example
 * ```ts
 * new Condition({ status: "active", age: { gt: 17 } });
 * new Condition("age").gt(17).or().where("guardian").exists();
 * new Condition().where("tags").size().ge(2).and().group((c) => c.where("a").eq(1).or().where("b").eq(2));
 * new Condition().where("email").not().exists(); // attribute_not_exists(email)
 * ```
 */
export class Condition {
  /** What the condition says so far: a frozen value each method replaces (condition-steps.ts). */
  #state: ConditionState;
  /** A method ignored on this raw-made Condition was logged (once is enough: the rest of its chain is too). */
  #saidIgnored = false;

  static {
    stateOf = (condition) => condition.#state;
    joinsLaterMethods = (condition) => {
      if (!condition.#state.raw) return condition;
      const next = new Condition();
      next.#state = Object.freeze({ ...condition.#state, raw: false });
      return next;
    };
  }

  /**
   * @param init an attribute name (starts a pending comparison), an object form (`{age: {gt: 5}}`, several
   * keys AND-ed), another Condition (copied), or a raw `{ConditionExpression | FilterExpression,
   * ExpressionAttributeNames?, ExpressionAttributeValues?}`.
   * @throws InvalidFilterComparison for an unknown comparator in the object form.
   * @throws InvalidParameterType for any other kind of value.
   */
  constructor(init?: ConditionInit) {
    this.#state = initialState(init, (value) => (value instanceof Condition ? value.#state : undefined));
  }

  /**
   * Whether this Condition was made from a raw condition, whose later methods are ignored, as Dynamoose's
   * Condition guide says ("all future condition methods called on this condition instance will be
   * ignored"). Said once per such Condition as a `warn` log event, so the dropped part is not silent.
   */
  #ignoresMethods(method: string): boolean {
    if (!this.#state.raw) return false;
    if (!this.#saidIgnored) {
      this.#saidIgnored = true;
      emitLog(
        "warn",
        "condition",
        `${method} on a Condition made from a raw condition is ignored, as in Dynamoose (so are the methods ` +
          `after it): join it in a new Condition instead (new Condition().group(raw).and()…).`,
      );
    }
    return true;
  }

  /** Takes the state a method worked out, and returns this condition: the only way methods change it. */
  #next(state: ConditionState): Condition {
    this.#state = state;
    return this;
  }

  /** Applies a comparator to the pending attribute. */
  #compare(comparator: ComparatorName, args: readonly unknown[]): Condition {
    if (this.#ignoresMethods(`${comparator}()`)) return this;
    return this.#next(compared(this.#state, comparator, args));
  }

  /**
   * Names the attribute the next comparator applies to (replacing one that has no comparator yet).
   *
   * @example
   * ```ts
   * new Condition().where("address.city").eq("Oslo");
   * ```
   */
  where(attribute: string | readonly PathSegment[]): Condition {
    return this.#named(attribute, "where()");
  }

  /** Alias of {@link Condition.where}. @example `new Condition().filter("age").gt(5)` */
  filter(attribute: string | readonly PathSegment[]): Condition {
    return this.#named(attribute, "filter()");
  }

  /** Alias of {@link Condition.where}. @example `new Condition().attribute("age").gt(5)` */
  attribute(attribute: string | readonly PathSegment[]): Condition {
    return this.#named(attribute, "attribute()");
  }

  /** {@link Condition.where}, under the name the caller used (for the error). */
  #named(attribute: string | readonly PathSegment[], method: string): Condition {
    if (this.#ignoresMethods(method)) return this;
    if (this.#state.negate) {
      emitLog(
        "warn",
        "condition",
        `not() before ${method.slice(0, -1)}${describeAttribute(attribute)}) is discarded, as in Dynamoose: ` +
          `write not() after it, before the comparator.`,
      );
    }
    return this.#next(named(this.#state, attribute, method));
  }

  /** `attribute = value`. @example `new Condition("status").eq("active")` */
  eq(value: unknown): Condition {
    return this.#compare("eq", [value]);
  }

  /** `attribute <> value`. @example `new Condition("status").ne("deleted")` */
  ne(value: unknown): Condition {
    return this.#compare("ne", [value]);
  }

  /** `attribute < value`. @example `new Condition("age").lt(18)` */
  lt(value: unknown): Condition {
    return this.#compare("lt", [value]);
  }

  /** `attribute <= value`. @example `new Condition("age").le(18)` */
  le(value: unknown): Condition {
    return this.#compare("le", [value]);
  }

  /** `attribute > value`. @example `new Condition("age").gt(18)` */
  gt(value: unknown): Condition {
    return this.#compare("gt", [value]);
  }

  /** `attribute >= value`. @example `new Condition("age").ge(18)` */
  ge(value: unknown): Condition {
    return this.#compare("ge", [value]);
  }

  /**
   * `attribute BETWEEN low AND high` (inclusive); also spread from a pair, `between(...range)`, as Dynamoose
   * types it. Anything but two values is an InvalidParameter. @example `new Condition("age").between(18, 65)`
   */
  between(low: unknown, high: unknown): Condition;
  between(...values: readonly unknown[]): Condition;
  between(...values: readonly unknown[]): Condition {
    return this.#compare("between", values);
  }

  /** `begins_with(attribute, prefix)`. @example `new Condition("sk").beginsWith("order#")` */
  beginsWith(prefix: unknown): Condition {
    return this.#compare("beginsWith", [prefix]);
  }

  /**
   * `contains(attribute, value)`: a substring of a string, or an element of a set or list.
   * @example `new Condition("tags").contains("new")`
   */
  contains(value: unknown): Condition {
    return this.#compare("contains", [value]);
  }

  /**
   * `attribute_exists(attribute)`, or `attribute_not_exists` with `false` (or after `not()`).
   * @example `new Condition("deletedAt").exists(false)`
   */
  exists(expected = true): Condition {
    return this.#compare("exists", [expected]);
  }

  /** `attribute IN (v1, v2, …)`, one placeholder per element. @example `new Condition("status").in(["a", "b"])` */
  in(values: readonly unknown[]): Condition {
    return this.#compare("in", [values]);
  }

  /**
   * Makes the next comparator (eq, ne, lt, le, gt, ge, between, in) compare `size(attribute)` with numbers.
   * @example `new Condition("tags").size().gt(2)`
   */
  size(): Condition {
    if (this.#ignoresMethods("size()")) return this;
    return this.#next(sized(this.#state));
  }

  /** Negates the next comparator or group; a second `not()` cancels the first. @example `new Condition("a").not().eq(1)` */
  not(): Condition {
    if (this.#ignoresMethods("not()")) return this;
    return this.#next(Object.freeze({ ...this.#state, negate: !this.#state.negate }));
  }

  /**
   * Reads as AND, which is already the default join: as in Dynamoose it changes nothing, so it can be left
   * out, and an `or()` right before it still joins with OR.
   * @example `new Condition("a").eq(1).and().where("b").eq(2)`
   */
  and(): Condition {
    if (this.#ignoresMethods("and()")) return this;
    refuseUnfinished(this.#state, "and()");
    return this.#next(this.#state);
  }

  /** Joins the next comparison with OR. @example `new Condition("a").eq(1).or().where("b").eq(2)` */
  or(): Condition {
    if (this.#ignoresMethods("or()")) return this;
    refuseUnfinished(this.#state, "or()");
    return this.#next(Object.freeze({ ...this.#state, joinWithOr: true }));
  }

  /**
   * Adds a parenthesised sub-condition, joined like a comparison (AND, or OR after `or()`; negated after
   * `not()`). An empty group adds nothing when AND-ed; after `or()` or `not()` it is an InvalidParameter.
   *
   * @example
   * ```ts
   * new Condition("a").eq(1).and().group((c) => c.where("b").eq(2).or().where("c").eq(3));
   * // (a = 1) AND ((b = 2) OR (c = 3))
   * ```
   */
  group(group: ConditionGroupInit): Condition {
    if (this.#ignoresMethods("group()")) return this;
    refuseUnfinished(this.#state, "group()");
    const inner = typeof group === "function" ? group(new Condition()) : new Condition(group);
    if (!(inner instanceof Condition)) {
      throw new InvalidParameterType("The function given to group() must return a Condition.");
    }
    return this.#next(grouped(this.#state, inner.#state));
  }

  /** Alias of {@link Condition.group}. @example `new Condition().parenthesis(new Condition("a").eq(1))` */
  parenthesis(group: ConditionGroupInit): Condition {
    return this.group(group);
  }
}

/**
 * Whether a value is a {@link Condition}.
 *
 * @example
 * ```ts
 * isCondition(new Condition("a").eq(1)); // true
 * isCondition({ a: 1 }); // false
 * ```
 */
export function isCondition(value: unknown): value is Condition {
  return value instanceof Condition;
}

/**
 * The root of a condition's tree, or undefined when it has no comparison.
 *
 * A condition that only names an attribute (`new Condition("id")`, no comparator) is empty, as in Dynamoose.
 *
 * @throws InvalidParameter when the condition is otherwise unfinished: a `where()`/`size()` without a
 * comparator after comparisons, or a trailing `not()`. (Dropping them would silently widen a filter.)
 *
 * @example
 * ```ts
 * conditionNode(new Condition("a").eq(1)); // { kind: "comparison", op: "=", path: ["a"], size: false, value: 1 }
 * ```
 */
export function conditionNode(condition: Condition): ConditionNode | undefined {
  const { groups, pending, negate } = stateOf(condition);
  // Dynamoose: `new Condition().filter("id")` alone "will represent an empty conditional". With comparisons
  // before it (or inside a group) a dangling attribute is a mistake: dropping it would widen the condition.
  // `size()` with no comparator is no such "empty" form: it is an unfinished comparison.
  if (pending !== undefined && !pending.size && groups.length === 0 && !negate) return undefined;
  return finishedNode(stateOf(condition));
}

/**
 * The attribute a condition that says nothing names with no comparator after it (`"a.b"`, as a write's
 * error names it), or undefined.
 */
export function unfinishedAttributeOf(condition: Condition): string | undefined {
  const { pending } = stateOf(condition);
  if (pending === undefined) return undefined;
  const text = pending.path.map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${segment}`));
  return text.join("").slice(1);
}

export { isRawCondition, type RawCondition } from "./raw";
export type { ConditionObject } from "./condition-object";

/** An attribute as the caller gave it to where(), for a log line: `"address.city"` or `["a.b"]`. */
function describeAttribute(attribute: string | readonly PathSegment[]): string {
  return JSON.stringify(attribute) ?? String(attribute);
}
