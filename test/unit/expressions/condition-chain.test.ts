import { InvalidFilterComparison, InvalidParameter, InvalidParameterType } from "../../../lib/errors";
import { Condition } from "../../../lib/expressions";
import { compile } from "./helpers";
import dynamodel, { type LogEvent } from "../../../lib/index";

const N = (n: number) => ({ N: String(n) });
const S = (s: string) => ({ S: s });

describe("Condition chain methods", () => {
  it.each<[string, (c: Condition) => Condition, string, Record<string, unknown> | undefined]>([
    ["eq", (c) => c.eq(1), "#n0 = :v0", { ":v0": N(1) }],
    ["ne", (c) => c.ne(1), "#n0 <> :v0", { ":v0": N(1) }],
    ["lt", (c) => c.lt(1), "#n0 < :v0", { ":v0": N(1) }],
    ["le", (c) => c.le(1), "#n0 <= :v0", { ":v0": N(1) }],
    ["gt", (c) => c.gt(1), "#n0 > :v0", { ":v0": N(1) }],
    ["ge", (c) => c.ge(1), "#n0 >= :v0", { ":v0": N(1) }],
    ["between", (c) => c.between(1, 5), "#n0 BETWEEN :v0 AND :v1", { ":v0": N(1), ":v1": N(5) }],
    ["between, spread", (c) => c.between(...[1, 5]), "#n0 BETWEEN :v0 AND :v1", { ":v0": N(1), ":v1": N(5) }],
    ["beginsWith", (c) => c.beginsWith("p"), "begins_with(#n0, :v0)", { ":v0": S("p") }],
    ["contains", (c) => c.contains("p"), "contains(#n0, :v0)", { ":v0": S("p") }],
    ["exists", (c) => c.exists(), "attribute_exists(#n0)", undefined],
    ["exists(true)", (c) => c.exists(true), "attribute_exists(#n0)", undefined],
    ["exists(false)", (c) => c.exists(false), "attribute_not_exists(#n0)", undefined],
    [
      "in",
      (c) => c.in(["x", "y", "z"]),
      "#n0 IN (:v0, :v1, :v2)",
      { ":v0": S("x"), ":v1": S("y"), ":v2": S("z") },
    ],
  ])("%s", (_name, apply, expression, values) => {
    for (const start of ["where", "filter", "attribute"] as const) {
      expect(compile(apply(new Condition()[start]("a")))).toEqual({
        expression,
        names: { "#n0": "a" },
        values,
      });
    }
  });

  it.each<[string, (c: Condition) => Condition, string, Record<string, unknown> | undefined]>([
    ["eq", (c) => c.eq(1), "#n0 <> :v0", { ":v0": N(1) }],
    ["ne", (c) => c.ne(1), "#n0 = :v0", { ":v0": N(1) }],
    ["lt", (c) => c.lt(1), "#n0 >= :v0", { ":v0": N(1) }],
    ["le", (c) => c.le(1), "#n0 > :v0", { ":v0": N(1) }],
    ["gt", (c) => c.gt(1), "#n0 <= :v0", { ":v0": N(1) }],
    ["ge", (c) => c.ge(1), "#n0 < :v0", { ":v0": N(1) }],
    ["contains", (c) => c.contains("p"), "NOT (contains(#n0, :v0))", { ":v0": S("p") }],
    ["exists", (c) => c.exists(), "attribute_not_exists(#n0)", undefined],
    ["exists(false)", (c) => c.exists(false), "attribute_exists(#n0)", undefined],
  ])("not() before %s", (_name, apply, expression, values) => {
    expect(compile(apply(new Condition("a").not()))).toEqual({ expression, names: { "#n0": "a" }, values });
  });

  // Dynamoose's Condition guide: these have no opposite and throw after not(); a negated group says it.
  it.each<[string, (c: Condition) => Condition, string]>([
    ["between", (c) => c.between(1, 5), "BETWEEN can not follow not()"],
    ["beginsWith", (c) => c.beginsWith("p"), "BEGINS_WITH can not follow not()"],
    ["in", (c) => c.in([1, 2]), "IN can not follow not()"],
  ])("not() before %s throws InvalidFilterComparison, as in Dynamoose", (_name, apply, message) => {
    expect(() => apply(new Condition().where("id").not())).toThrow(InvalidFilterComparison);
    expect(() => apply(new Condition().where("id").not())).toThrow(message);
    expect(() => apply(new Condition().where("id").not().not())).not.toThrow();
  });

  it("negates between, beginsWith and in through a group", () => {
    expect(compile(new Condition().not().group((c) => c.where("a").between(1, 5))).expression).toBe(
      "NOT (#n0 BETWEEN :v0 AND :v1)",
    );
  });

  it("cancels a double not()", () => {
    expect(compile(new Condition("a").not().not().eq(1)).expression).toBe("#n0 = :v0");
  });

  // Dynamoose's reference: not() "toggles negation of the next comparator (a following
  // where/filter/attribute discards it)"; Dynamoose 4.2 sends `#a0 = :v0` for not().where("a").eq(1).
  it.each<[string, (c: Condition) => Condition, string]>([
    ["where()", (c) => c.not().where("a").eq(1), "#n0 = :v0"],
    ["filter()", (c) => c.not().filter("a").gt(1), "#n0 > :v0"],
    ["attribute()", (c) => c.not().attribute("a").exists(), "attribute_exists(#n0)"],
    [
      "where() after and()",
      (c) => c.where("b").eq(2).and().not().where("a").eq(1),
      "(#n0 = :v0) AND (#n1 = :v1)",
    ],
    ["a replaced where()", (c) => c.where("b").not().where("a").lt(1), "#n0 < :v0"],
  ])("discards a not() that a %s follows, as in Dynamoose, and logs it", async (_name, build, expected) => {
    const logger = await dynamodel.logger();
    const logged: LogEvent[] = [];
    logger.providers.set({ log: (event) => void logged.push(event as LogEvent) });
    try {
      expect(compile(build(new Condition())).expression).toBe(expected);
    } finally {
      logger.providers.clear();
    }
    expect(logged.map((event) => [event.level, event.category])).toEqual([["warn", "condition"]]);
    expect(logged[0]!.message).toMatch(
      /^not\(\) before (where|filter|attribute)\("a"\) is discarded, as in Dynamoose/,
    );
  });

  it("keeps a not() after where() for the comparator, once", () => {
    expect(compile(new Condition().where("a").not().eq(1).and().where("b").eq(2)).expression).toBe(
      "(#n0 <> :v0) AND (#n1 = :v1)",
    );
  });

  it("lets where() replace an attribute that has no comparator yet", () => {
    expect(compile(new Condition("a").where("b").eq(1)).names).toEqual({ "#n0": "b" });
  });

  it("accepts an array of segments for names that contain dots", () => {
    expect(compile(new Condition().where(["a.b", 0]).eq(1))).toEqual({
      expression: "#n0[0] = :v0",
      names: { "#n0": "a.b" },
      values: { ":v0": N(1) },
    });
  });

  describe("size()", () => {
    it.each<[string, (c: Condition) => Condition, string, Record<string, unknown>]>([
      ["eq", (c) => c.eq(2), "size(#n0) = :v0", { ":v0": N(2) }],
      ["gt", (c) => c.gt(2), "size(#n0) > :v0", { ":v0": N(2) }],
      ["not().lt", (c) => c.not().lt(2), "size(#n0) >= :v0", { ":v0": N(2) }],
      ["between", (c) => c.between(1, 3), "size(#n0) BETWEEN :v0 AND :v1", { ":v0": N(1), ":v1": N(3) }],
      ["in", (c) => c.in([1, 3]), "size(#n0) IN (:v0, :v1)", { ":v0": N(1), ":v1": N(3) }],
    ])("then %s compares size(path)", (_name, apply, expression, values) => {
      expect(compile(apply(new Condition("tags").size()))).toEqual({
        expression,
        names: { "#n0": "tags" },
        values,
      });
    });

    it("converts the size operand as a number even when the target would convert differently", () => {
      const stringTarget = {
        resolve: (path: readonly (string | number)[]) => ({
          segments: path,
          toAttributeValue: (value: unknown) => ({ S: `converted:${String(value)}` }),
        }),
      };
      expect(compile(new Condition("tags").size().gt(2), stringTarget).values).toEqual({ ":v0": N(2) });
      expect(compile(new Condition("tags").gt(2), stringTarget).values).toEqual({ ":v0": S("converted:2") });
    });

    it("applies only to the next comparator", () => {
      expect(compile(new Condition("a").size().eq(1).and().where("a").eq(1)).expression).toBe(
        "(size(#n0) = :v0) AND (#n0 = :v1)",
      );
    });

    it.each<[string, (c: Condition) => Condition, string]>([
      [
        "beginsWith",
        (c) => c.beginsWith("x"),
        'beginsWith() on "a": size() can only be followed by eq, ne, lt, le, gt, ge, between or in.',
      ],
      [
        "contains",
        (c) => c.contains("x"),
        'contains() on "a": size() can only be followed by eq, ne, lt, le, gt, ge, between or in.',
      ],
      [
        "exists",
        (c) => c.exists(),
        'exists() on "a": size() can only be followed by eq, ne, lt, le, gt, ge, between or in.',
      ],
      ["a string", (c) => c.eq("3"), 'eq() on "a" compares a size, so it needs a number (got "3").'],
      ["NaN", (c) => c.gt(Number.NaN), 'gt() on "a" compares a size, so it needs a number (got NaN).'],
      [
        "a string in between",
        (c) => c.between(1, "3"),
        'between() on "a" compares a size, so it needs a number (got "3").',
      ],
      [
        "a string in in",
        (c) => c.in([1, "3"]),
        'in() on "a" compares a size, so it needs a number (got "3").',
      ],
    ])("rejects %s", (_name, apply, message) => {
      const sized = new Condition("a").size();
      expect(() => apply(sized)).toThrow(InvalidParameter);
      expect(() => apply(sized)).toThrow(message);
    });

    it("needs an attribute", () => {
      expect(() => new Condition().size()).toThrow(
        new InvalidParameter('size() needs an attribute first: call where("name").'),
      );
    });
  });

  it.each(["eq", "ne", "lt", "le", "gt", "ge", "beginsWith", "contains", "exists"] as const)(
    "%s() without an attribute throws InvalidParameter",
    (method) => {
      expect(() => new Condition()[method](1 as never)).toThrow(
        new InvalidParameter(`${method}() needs an attribute first: call where("name") before it.`),
      );
    },
  );

  it("a comparator consumes its attribute", () => {
    expect(() => new Condition("a").eq(1).eq(2)).toThrow(
      new InvalidParameter('eq() needs an attribute first: call where("name") before it.'),
    );
    expect(() => new Condition().between(1, 2)).toThrow(InvalidParameter);
    expect(() => new Condition().in([1])).toThrow(InvalidParameter);
  });

  it.each<[string, (c: Condition) => Condition, string]>([
    [
      "between with one value",
      (c) => c.between(1, undefined),
      'between() on "a" needs two values (got 1 and undefined).',
    ],
    [
      "between spread from three values",
      (c) => c.between(...[1, 2, 3]),
      'between() on "a" needs two values (got 1 and 2 and 3).',
    ],
    [
      "in with a string",
      (c) => c.in("ab" as unknown as string[]),
      'in() on "a" needs a non-empty array (got "ab").',
    ],
    [
      "in with a Set",
      (c) => c.in(new Set([1]) as unknown as number[]),
      'in() on "a" needs a non-empty array (got Set([1])).',
    ],
    ["in with an empty array", (c) => c.in([]), 'in() on "a" needs a non-empty array (got []).'],
    [
      "in with an undefined element",
      (c) => c.in([1, undefined]),
      'in() on "a" needs values that are not undefined (got undefined).',
    ],
    ["eq(undefined)", (c) => c.eq(undefined), 'eq() on "a" needs a value (got undefined).'],
    ["contains(undefined)", (c) => c.contains(undefined), 'contains() on "a" needs a value (got undefined).'],
    [
      "beginsWith(undefined)",
      (c) => c.beginsWith(undefined),
      'beginsWith() on "a" needs a value (got undefined).',
    ],
    [
      "exists(1)",
      (c) => c.exists(1 as unknown as boolean),
      'exists() on "a" takes true, false or nothing (got 1).',
    ],
  ])("rejects %s", (_name, apply, message) => {
    expect(() => apply(new Condition("a"))).toThrow(InvalidParameter);
    expect(() => apply(new Condition("a"))).toThrow(message);
  });
});

describe("and / or / group", () => {
  const a = () => new Condition("a").eq(1);

  it("joins with AND by default and with and()", () => {
    const expected = "(#n0 = :v0) AND (#n1 = :v1)";
    expect(compile(a().where("b").eq(2)).expression).toBe(expected);
    expect(compile(a().and().where("b").eq(2)).expression).toBe(expected);
  });

  it("joins with OR after or()", () => {
    expect(compile(a().or().where("b").eq(2)).expression).toBe("(#n0 = :v0) OR (#n1 = :v1)");
  });

  it("makes AND bind tighter than OR, with explicit parentheses", () => {
    expect(compile(a().or().where("b").eq(2).and().where("c").eq(3)).expression).toBe(
      "(#n0 = :v0) OR ((#n1 = :v1) AND (#n2 = :v2))",
    );
    expect(compile(a().and().where("b").eq(2).or().where("c").eq(3)).expression).toBe(
      "((#n0 = :v0) AND (#n1 = :v1)) OR (#n2 = :v2)",
    );
    expect(
      compile(a().where("b").eq(2).or().where("c").eq(3).or().where("d").eq(4).where("e").eq(5)).expression,
    ).toBe("((#n0 = :v0) AND (#n1 = :v1)) OR (#n2 = :v2) OR ((#n3 = :v3) AND (#n4 = :v4))");
  });

  it("treats and() as a no-op, as Dynamoose documents, so or() before it still joins with OR", () => {
    expect(compile(a().or().and().where("b").eq(2)).expression).toBe("(#n0 = :v0) OR (#n1 = :v1)");
    expect(compile(a().and().and().where("b").eq(2)).expression).toBe("(#n0 = :v0) AND (#n1 = :v1)");
    expect(compile(a().and().or().where("b").eq(2)).expression).toBe("(#n0 = :v0) OR (#n1 = :v1)");
  });

  it("groups a Condition, a function of a fresh Condition, an object or a raw condition", () => {
    const inner = new Condition("b").eq(2).or().where("c").eq(3);
    const expected = "(#n0 = :v0) AND ((#n1 = :v1) OR (#n2 = :v2))";
    expect(compile(a().and().group(inner)).expression).toBe(expected);
    expect(compile(a().and().parenthesis(inner)).expression).toBe(expected);
    expect(compile(a().group((c) => c.where("b").eq(2).or().where("c").eq(3))).expression).toBe(expected);
    expect(compile(a().or().group({ b: 2, c: 3 })).expression).toBe(
      "(#n0 = :v0) OR ((#n1 = :v1) AND (#n2 = :v2))",
    );
    expect(
      compile(
        a()
          .or()
          .group({
            ConditionExpression: "#x = :x OR #x = :y",
            ExpressionAttributeNames: { "#x": "x" },
            ExpressionAttributeValues: { ":x": 1, ":y": 2 },
          }),
      ),
    ).toEqual({
      expression: "(#n0 = :v0) OR (#x = :x OR #x = :y)",
      names: { "#n0": "a", "#x": "x" },
      values: { ":v0": N(1), ":x": N(1), ":y": N(2) },
    });
  });

  it("keeps a group at the start and nested groups explicit", () => {
    const nested = new Condition().group((c) =>
      c
        .where("a")
        .eq(1)
        .or()
        .group((d) => d.where("b").eq(2).where("c").eq(3)),
    );
    expect(compile(nested.and().where("d").eq(4)).expression).toBe(
      "((#n0 = :v0) OR ((#n1 = :v1) AND (#n2 = :v2))) AND (#n3 = :v3)",
    );
  });

  it("negates a group after not()", () => {
    expect(
      compile(
        a()
          .and()
          .not()
          .group((c) => c.where("b").eq(2).or().where("c").eq(3)),
      ).expression,
    ).toBe("(#n0 = :v0) AND (NOT ((#n1 = :v1) OR (#n2 = :v2)))");
  });

  it("rejects and()/or() right after an attribute or size() with no comparator, which would drop it", () => {
    // Dropping the attribute would leave "v = 1" alone: a weaker guard than written (or, after or(), a different one).
    expect(() => new Condition("s").and()).toThrow(
      new InvalidParameter(
        'and() cannot follow "s" before it has a comparator: add eq(), gt(), exists() or another comparator.',
      ),
    );
    expect(() => new Condition("s").or()).toThrow('or() cannot follow "s" before it has a comparator');
    expect(() => new Condition().where("s").size().and()).toThrow('and() cannot follow size("s")');
    expect(() => a().and().where("s").or()).toThrow(InvalidParameter);
    // Finished comparisons join as before.
    expect(compile(new Condition("s").size().gt(1).or().where("v").eq(1)).expression).toBe(
      "(size(#n0) > :v0) OR (#n1 = :v1)",
    );
  });

  it("treats size() with no comparator as unfinished, even alone (only a bare attribute name is empty)", () => {
    expect(() => compile(new Condition("s").size())).toThrow(
      new InvalidParameter(
        'The condition on size("s") has no comparator: follow size() with eq(), gt() or another comparison.',
      ),
    );
    expect(compile(new Condition("s")).expression).toBeUndefined();
  });

  it("adds nothing for an empty group", () => {
    expect(compile(a().group(new Condition()).where("b").eq(2)).expression).toBe(
      "(#n0 = :v0) AND (#n1 = :v1)",
    );
    expect(compile(new Condition().group((c) => c)).expression).toBeUndefined();
    expect(compile(new Condition().or().group(new Condition())).expression).toBeUndefined();
  });

  it("rejects an empty group after or() or not(), which it would otherwise leave with nothing to apply to", () => {
    // `a OR (no condition)` would match every item; the group was left out, sending `a` alone.
    expect(() => a().or().group(new Condition())).toThrow(
      new InvalidParameter(
        "group() after or() was given an empty condition, which would leave the or() with nothing to apply to: give the group a comparison, or leave out the or().",
      ),
    );
    expect(() =>
      a()
        .and()
        .not()
        .group((c) => c),
    ).toThrow(
      new InvalidParameter(
        "group() after not() was given an empty condition, which would leave the not() with nothing to apply to: give the group a comparison, or leave out the not().",
      ),
    );
  });

  it("rejects a group after a where() without comparator, an unfinished group, and a function returning no Condition", () => {
    expect(() => new Condition("a").group(new Condition("b").eq(1))).toThrow(
      new InvalidParameter(
        'group() cannot follow "a" before it has a comparator: add eq(), gt(), exists() or another comparator.',
      ),
    );
    expect(() => a().group(new Condition("b"))).toThrow(InvalidParameter);
    expect(() => a().group((c) => c.where("b"))).toThrow('The condition on "b" has no comparator');
    expect(() => a().group((() => ({ b: 1 })) as unknown as (c: Condition) => Condition)).toThrow(
      InvalidParameterType,
    );
  });
});

describe("changing in place, as Dynamoose's conditions do", () => {
  it("keeps what is chained on a condition's variable, statement by statement", () => {
    const condition = new Condition("a").eq(1);
    condition.and().where("b").eq(2);
    condition.or().where("c").eq(3);
    expect(compile(condition).expression).toBe("((#n0 = :v0) AND (#n1 = :v1)) OR (#n2 = :v2)");
  });

  it("returns the same Condition from every chain method", () => {
    const pending = new Condition("a");
    const calls: ((condition: Condition) => Condition)[] = [
      (c) => c.where("b"),
      (c) => c.filter("b"),
      (c) => c.attribute("b"),
      (c) => c.size(),
      (c) => c.not(),
      (c) => c.eq(1),
      (c) => c.ne(1),
      (c) => c.lt(1),
      (c) => c.le(1),
      (c) => c.gt(1),
      (c) => c.ge(1),
      (c) => c.between(1, 2),
      (c) => c.beginsWith("x"),
      (c) => c.contains("x"),
      (c) => c.exists(),
      (c) => c.in([1]),
    ];
    for (const call of calls) {
      const condition = new Condition(pending);
      expect(call(condition)).toBe(condition);
    }
    for (const call of [
      (c: Condition) => c.and(),
      (c: Condition) => c.or(),
      (c: Condition) => c.group({ b: 1 }),
    ]) {
      const done = new Condition("a").eq(1);
      expect(call(done)).toBe(done);
    }
    expect(compile(pending.gt(3)).expression).toBe("#n0 > :v0");
  });

  it("copies: new Condition(other) and a group keep what the other said then", () => {
    const base = new Condition("a").eq(1);
    const copy = new Condition(base);
    const grouped = new Condition().group(base);
    base.and().where("b").eq(2);
    expect(compile(copy).expression).toBe("#n0 = :v0");
    expect(compile(grouped).expression).toBe("#n0 = :v0");
    expect(compile(base).expression).toBe("(#n0 = :v0) AND (#n1 = :v1)");
  });

  it("a failed method leaves the condition as it was", () => {
    const sized = new Condition("a").size();
    // where() does not replace a size() that has no comparator yet: the size test would be lost.
    expect(() => sized.where("a")).toThrow('where() cannot follow size("a") before it has a comparator');
    expect(() => sized.filter("b")).toThrow('filter() cannot follow size("a")');
    expect(() => sized.attribute("b")).toThrow('attribute() cannot follow size("a")');
    expect(compile(sized.eq(1)).expression).toBe("size(#n0) = :v0");
  });
});
