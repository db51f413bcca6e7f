// The query planner and the Query/Scan input builders: pure, no client.
import { InvalidParameter, TypeMismatch } from "../../lib/errors";
import { Condition } from "../../lib/expressions";
import { withLaterMethodsJoined } from "../../lib/expressions/condition";
import { lastKeyFromDynamo, startKeyToDynamo } from "../../lib/operations/last-key";
import { buildQueryInput } from "../../lib/operations/query";
import { keyCandidates, planQuery } from "../../lib/operations/query-plan";
import { buildScanInput } from "../../lib/operations/scan";
import type { CompiledSchema } from "../../lib/schema/compiled";
import { compiledSchemaOf } from "../../lib/schema/links";
import { Schema } from "../../lib/schema/schema";

const compiled = (schema: Schema): CompiledSchema => compiledSchemaOf(schema)!;

// Table key (owner, sk); GSIs on email (no range) and on status (range born); an LSI on rank.
const schemas = [
  compiled(
    new Schema({
      owner: { type: String, hashKey: true, alias: "ownerName" },
      sk: { type: String, rangeKey: true },
      email: { type: String, index: { name: "byEmail" } },
      status: { type: String, index: { name: "byStatus", rangeKey: "born" } },
      born: Date,
      rank: { type: Number, index: { name: "byRank", type: "local" } },
      age: Number,
      tags: { type: Set, schema: [String] },
    }),
  ),
];

const plan = (condition: Condition, index?: string) => planQuery(schemas, condition, { index });

describe("keyCandidates", () => {
  it("lists the table key, then each index", () => {
    expect(keyCandidates(schemas)).toEqual([
      { indexName: undefined, hashKey: "owner", rangeKey: "sk", global: false },
      { indexName: "byEmail", hashKey: "email", rangeKey: undefined, global: true },
      { indexName: "byStatus", hashKey: "status", rangeKey: "born", global: true },
      { indexName: "byRank", hashKey: "owner", rangeKey: "rank", global: false },
    ]);
  });
});

describe("planQuery: index choice", () => {
  it("uses the table for an eq on its hash key", () => {
    expect(plan(new Condition("owner").eq("ann"))).toEqual({
      indexName: undefined,
      keyCondition: "#n0 = :v0",
      filter: undefined,
      names: { "#n0": "owner" },
      values: { ":v0": { S: "ann" } },
    });
  });

  it("resolves aliases to the stored key name", () => {
    expect(plan(new Condition("ownerName").eq("ann")).names).toEqual({ "#n0": "owner" });
  });

  it("prefers the candidate whose range key also has a condition (the LSI here)", () => {
    const result = plan(new Condition("owner").eq("ann").where("rank").gt(3));
    expect(result.indexName).toBe("byRank");
    expect(result.keyCondition).toBe("#n0 = :v0 AND #n1 > :v1");
    expect(result.filter).toBeUndefined();
  });

  it("prefers the table when its range key has a condition too", () => {
    const result = plan(new Condition("owner").eq("ann").where("rank").gt(3).where("sk").beginsWith("a"));
    expect(result.indexName).toBeUndefined();
    expect(result.keyCondition).toBe("#n0 = :v0 AND begins_with(#n1, :v1)");
    expect(result.filter).toBe("#n2 > :v2");
    expect(result.names).toEqual({ "#n0": "owner", "#n1": "sk", "#n2": "rank" });
  });

  it("picks a GSI by its hash key, converting values like writes (a Date range value)", () => {
    const born = new Date("2020-01-01T00:00:00Z");
    const result = plan(new Condition({ status: "active", born: { ge: born } }));
    expect(result.indexName).toBe("byStatus");
    expect(result.keyCondition).toBe("#n0 = :v0 AND #n1 >= :v1");
    expect(result.values).toEqual({ ":v0": { S: "active" }, ":v1": { N: String(born.getTime()) } });
  });

  it("prefers an index with a range condition over the table with only a hash eq", () => {
    const result = plan(new Condition("owner").eq("a").where("status").eq("x").where("born").lt(5));
    expect(result.indexName).toBe("byStatus");
    expect(result.keyCondition).toBe("#n0 = :v0 AND #n1 < :v1");
    expect(result.filter).toBe("#n2 = :v2");
    expect(result.names).toEqual({ "#n0": "status", "#n1": "born", "#n2": "owner" });
  });

  it("uses the table over an index when neither has a range condition", () => {
    expect(plan(new Condition("email").eq("e").where("owner").eq("o")).indexName).toBeUndefined();
  });

  it.each<[string, (c: Condition) => Condition, string]>([
    ["eq", (c) => c.eq("a"), "#n1 = :v1"],
    ["lt", (c) => c.lt("a"), "#n1 < :v1"],
    ["le", (c) => c.le("a"), "#n1 <= :v1"],
    ["gt", (c) => c.gt("a"), "#n1 > :v1"],
    ["ge", (c) => c.ge("a"), "#n1 >= :v1"],
    ["between", (c) => c.between("a", "c"), "#n1 BETWEEN :v1 AND :v2"],
    ["beginsWith", (c) => c.beginsWith("a"), "begins_with(#n1, :v1)"],
  ])("moves %s on the range key into the key condition", (_name, compare, text) => {
    const result = plan(compare(new Condition("owner").eq("o").where("sk")));
    expect(result.keyCondition).toBe(`#n0 = :v0 AND ${text}`);
    expect(result.filter).toBeUndefined();
  });

  it.each<[string, (c: Condition) => Condition]>([
    ["ne", (c) => c.ne("a")],
    ["contains", (c) => c.contains("a")],
    ["exists", (c) => c.exists()],
    ["in", (c) => c.in(["a"])],
    ["size", (c) => c.size().gt(1)],
  ])("rejects %s on the range key, which DynamoDB refuses in a filter", (_name, compare) => {
    expect(() => plan(compare(new Condition("owner").eq("o").where("sk")))).toThrow(
      '"sk" is a key attribute of the table, and DynamoDB allows a key attribute only once',
    );
  });

  it("rejects a second bound on the range key and a second condition on the hash key", () => {
    expect(() => plan(new Condition("owner").eq("o").where("sk").gt("a").where("sk").lt("z"))).toThrow(
      "Combine two bounds with between()",
    );
    expect(() => plan(new Condition("owner").eq("o").where("owner").eq("p"))).toThrow(
      '"owner" is a key attribute of the table',
    );
  });

  it("keeps nested AND groups' parts available as key conditions", () => {
    const result = plan(
      new Condition("age")
        .gt(1)
        .and()
        .group((c) => c.where("owner").eq("o").where("sk").lt("z")),
    );
    expect(result.keyCondition).toBe("#n0 = :v0 AND #n1 < :v1");
    expect(result.filter).toBe("#n2 > :v2");
  });

  it("keeps OR groups whole in the filter, with explicit parentheses", () => {
    const result = plan(
      new Condition("owner")
        .eq("o")
        .and()
        .group((c) => c.where("age").lt(2).or().where("age").gt(9))
        .where("tags")
        .contains("x"),
    );
    expect(result.keyCondition).toBe("#n0 = :v0");
    expect(result.filter).toBe("((#n1 < :v1) OR (#n1 > :v2)) AND (contains(#n2, :v3))");
  });

  it("honours using(), and requires an eq on that index's hash key", () => {
    const both = new Condition("owner").eq("o").where("rank").gt(1).where("sk").gt("a");
    expect(plan(both, "byRank").indexName).toBe("byRank");
    expect(() => plan(both, "byEmail")).toThrow(
      'using("byEmail"): a query on this index needs an eq() on its hash key "email"',
    );
    expect(() => plan(both, "nope")).toThrow("its indexes: byEmail, byStatus, byRank");
  });

  it("says how to query an index the schema does not declare: declare it, or use a raw key condition", () => {
    const error = (() => {
      try {
        plan(new Condition("email").eq("x"), "email-index");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as Error).message).toMatch(
      /using\("email-index"\): the schema declares no index of that name \(its indexes: byEmail, byStatus, byRank\)/,
    );
    expect((error as Error).message).toMatch(
      /Declare it in the schema .*or query it with a raw key condition/,
    );
  });

  it("sends a raw key condition on an index the schema does not declare, named as given", () => {
    const raw = {
      FilterExpression: "#a = :a",
      ExpressionAttributeNames: { "#a": "age" },
      ExpressionAttributeValues: { ":a": 3 },
    };
    expect(plan(new Condition(raw), "age-index")).toEqual({
      indexName: "age-index",
      keyCondition: "#a = :a",
      filter: undefined,
      names: { "#a": "age" },
      values: { ":a": { N: "3" } },
    });
    // Methods chained after it on a query builder are the filter, even on attributes that would serve
    // another key (a builder joins them: retrieve-start.ts).
    expect(
      plan(withLaterMethodsJoined(new Condition(raw)).where("owner").eq("ann"), "age-index"),
    ).toMatchObject({
      indexName: "age-index",
      keyCondition: "#a = :a",
      filter: "#n0 = :v0",
    });
  });

  it("sends a raw condition as the key condition, on the index named by using()", () => {
    const raw = {
      FilterExpression: "#e = :e",
      ExpressionAttributeNames: { "#e": "email" },
      ExpressionAttributeValues: { ":e": "x" },
    };
    expect(plan(new Condition(raw), "byEmail")).toEqual({
      indexName: "byEmail",
      keyCondition: "#e = :e",
      filter: undefined,
      names: { "#e": "email" },
      values: { ":e": { S: "x" } },
    });
  });

  it("ANDs methods chained after a raw key condition as the filter", () => {
    const raw = {
      FilterExpression: "#e = :e",
      ExpressionAttributeNames: { "#e": "email" },
      ExpressionAttributeValues: { ":e": "x" },
    };
    const chained = withLaterMethodsJoined(new Condition(raw)).where("age").gt(3).where("sk").beginsWith("a");
    expect(plan(chained, "byEmail")).toEqual({
      indexName: "byEmail",
      keyCondition: "#e = :e",
      filter: "(#n0 > :v0) AND (begins_with(#n1, :v1))",
      names: { "#e": "email", "#n0": "age", "#n1": "sk" },
      values: { ":e": { S: "x" }, ":v0": { N: "3" }, ":v1": { S: "a" } },
    });
    // On the table, with no using(): the raw part is the key condition there.
    const onTable = {
      FilterExpression: "#o = :o",
      ExpressionAttributeNames: { "#o": "owner" },
      ExpressionAttributeValues: { ":o": "x" },
    };
    expect(plan(withLaterMethodsJoined(new Condition(onTable)).where("age").gt(3))).toMatchObject({
      indexName: undefined,
      keyCondition: "#o = :o",
      filter: "#n0 > :v0",
    });
    // The rest still may not filter on the queried key's attributes.
    expect(() => plan(withLaterMethodsJoined(new Condition(raw)).where("email").ne("y"), "byEmail")).toThrow(
      '"email" is a key attribute of index "byEmail"',
    );
    // A raw part next to a usable key is a filter part.
    expect(
      plan(new Condition("owner").eq("o").and().group(new Condition(onTable)).where("age").gt(1)),
    ).toMatchObject({
      indexName: undefined,
      keyCondition: "#n0 = :v0",
    });
  });

  it("takes another index when the first usable one would leave its own key to the filter", () => {
    const twoIndexes = [
      compiled(
        new Schema({
          id: String,
          st: { type: String, index: [{ name: "stA", rangeKey: "r1" }, { name: "stOnly" }] },
          r1: Number,
        }),
      ),
    ];
    // stA's range key r1 would be filtered with ne(): stOnly (no range key) serves the whole condition.
    expect(planQuery(twoIndexes, new Condition("st").eq("x").where("r1").ne(1))).toMatchObject({
      indexName: "stOnly",
      keyCondition: "#n0 = :v0",
      filter: "#n1 <> :v1",
    });
    // Without a complete alternative the error stays: an index with another, unconstrained range key holds
    // only the items that have that attribute.
    const sparse = [
      compiled(
        new Schema({
          id: String,
          st: {
            type: String,
            index: [
              { name: "stA", rangeKey: "r1" },
              { name: "stB", rangeKey: "r2" },
            ],
          },
          r1: Number,
          r2: Number,
        }),
      ),
    ];
    expect(() => planQuery(sparse, new Condition("st").eq("x").where("r1").ne(1))).toThrow(
      '"r1" is a key attribute of index "stA"',
    );
  });
});

describe("planQuery: an OR at the top level (Dynamoose's reading)", () => {
  it("takes the hash key's eq out of its AND group and filters with the rest of the OR", () => {
    const result = plan(new Condition("owner").eq("ann").where("age").lt(2).or().where("age").gt(3));
    expect(result).toMatchObject({ indexName: undefined, keyCondition: "#n0 = :v0" });
    expect(result.filter).toBe("(#n1 < :v1) OR (#n1 > :v2)");
    expect(result.values).toEqual({ ":v0": { S: "ann" }, ":v1": { N: "2" }, ":v2": { N: "3" } });
  });

  it("finds the eq in a later group too, and keeps the groups' own ANDs", () => {
    const condition = new Condition("age")
      .lt(2)
      .or()
      .where("age")
      .gt(3)
      .where("rank")
      .eq(1)
      .where("email")
      .eq("a@b.c");
    const result = plan(condition);
    expect(result).toMatchObject({ indexName: "byEmail", keyCondition: "#n0 = :v0" });
    expect(result.names).toMatchObject({ "#n0": "email" });
    expect(result.filter).toBe("(#n1 < :v1) OR ((#n1 > :v2) AND (#n2 = :v3))");
  });

  it("takes a repeated hash eq out of every group, binary and Date values compared by content", () => {
    const binary = [compiled(new Schema({ b: Buffer, at: Date, x: Number }))];
    const condition = new Condition("b")
      .eq(Buffer.from("k"))
      .where("x")
      .lt(2)
      .or()
      .where("b")
      .eq(Buffer.from("k"))
      .where("x")
      .gt(8);
    const result = planQuery(binary, condition);
    expect(result).toMatchObject({ keyCondition: "#n0 = :v0", filter: "(#n1 < :v1) OR (#n1 > :v2)" });
    const other = new Condition("b")
      .eq(Buffer.from("k"))
      .where("x")
      .lt(2)
      .or()
      .where("b")
      .eq(Buffer.from("j"))
      .where("x")
      .gt(8);
    expect(() => planQuery(binary, other)).toThrow('"b" is a key attribute of the table');
  });

  const couldServe =
    " A query needs an eq() on the hash key of the table or of an index, AND-ed with the rest; these " +
    'attributes could serve: "owner" (the table), "email" (index "byEmail"), "status" (index "byStatus"), ' +
    '"owner" (index "byRank"). To read items without a key, use Model.scan().';

  it("still refuses an OR whose groups have no hash eq", () => {
    expect(() => plan(new Condition("age").lt(2).or().where("age").gt(3))).toThrow(
      new InvalidParameter(
        "This query's condition is an OR at the top level, and none of its AND-ed groups has an eq() on a " +
          "hash key, so no part of it can be a key condition." +
          couldServe,
      ),
    );
  });

  it("refuses an OR whose hash eq stands alone in its group, and says so", () => {
    for (const condition of [
      new Condition("age").lt(2).or().where("owner").eq("ann"),
      new Condition("owner").eq("a").or().where("owner").eq("b"),
      new Condition("owner").eq("a").where("age").lt(2).or().where("owner").eq("a"),
    ]) {
      expect(() => plan(condition)).toThrow(
        new InvalidParameter(
          "This query's condition is an OR at the top level with a group that is only the eq() on the hash " +
            'key "owner": as the key condition it holds for every item the query reads, and so would the OR. ' +
            'Put the eq() outside the OR (query("owner").eq(…).and().group(…)), or leave the OR out.' +
            couldServe,
        ),
      );
    }
  });

  it("names a misspelt using() index, as without the OR", () => {
    const condition = new Condition("owner").eq("ann").where("age").lt(2).or().where("age").gt(3);
    expect(() => plan(condition, "nope")).toThrow('using("nope"): the schema declares no index of that name');
    expect(plan(condition, "byRank")).toMatchObject({ indexName: "byRank", keyCondition: "#n0 = :v0" });
  });

  it("refuses a key attribute left in the OR, as in any filter", () => {
    expect(() => plan(new Condition("owner").eq("ann").where("sk").eq("x").or().where("sk").eq("y"))).toThrow(
      /"sk" is a key attribute/,
    );
  });
});

describe("planQuery: errors", () => {
  const couldServe =
    'these attributes could serve: "owner" (the table), "email" (index "byEmail"), "status" (index "byStatus"), "owner" (index "byRank")';

  it.each<[string, Condition, string]>([
    ["an empty query", new Condition(), "Model.query() was given no condition."],
    ["no eq on any hash key", new Condition("age").eq(3), "No table or index key can serve this query."],
    ["a range condition only", new Condition("sk").eq("a"), "No table or index key can serve this query."],
    [
      "a non-eq hash condition",
      new Condition("owner").gt("a"),
      "No table or index key can serve this query.",
    ],
    [
      "an eq on a nested path",
      new Condition("owner.x").eq("a"),
      "No table or index key can serve this query.",
    ],
    [
      "an OR between key conditions",
      new Condition("owner").eq("a").or().where("owner").eq("b"),
      "is an OR at the top level",
    ],
  ])("%s is an InvalidParameter naming the attributes that could serve", (_name, condition, message) => {
    expect(() => plan(condition)).toThrow(InvalidParameter);
    expect(() => plan(condition)).toThrow(message);
    expect(() => plan(condition)).toThrow(couldServe);
  });

  it("a hash value of the wrong type is a TypeMismatch", () => {
    expect(() => plan(new Condition("owner").eq(5))).toThrow(TypeMismatch);
  });
});

describe("buildQueryInput / buildScanInput", () => {
  it("builds every setting of a query", () => {
    const input = buildQueryInput("T", schemas, new Condition("owner").eq("o").where("age").gt(1), {
      limit: 37,
      startAt: { ownerName: "o", sk: "b" },
      attributes: ["age", "ownerName"],
      consistent: true,
      descending: true,
    });
    expect(input).toEqual({
      TableName: "T",
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "#n1 > :v1",
      ScanIndexForward: false,
      Limit: 37,
      ExclusiveStartKey: { owner: { S: "o" }, sk: { S: "b" } },
      ProjectionExpression: "#n1, #n0",
      ConsistentRead: true,
      ExpressionAttributeNames: { "#n0": "owner", "#n1": "age" },
      ExpressionAttributeValues: { ":v0": { S: "o" }, ":v1": { N: "1" } },
    });
  });

  it("counts with Select COUNT and no projection", () => {
    const input = buildScanInput("T", schemas, new Condition(), { count: true, attributes: ["age"] });
    expect(input).toEqual({ TableName: "T", Select: "COUNT" });
  });

  it("builds one input per segment of a parallel scan, each with its own start key", () => {
    const settings = { segments: 2, index: "byEmail", startAt: [null, { email: "e", owner: "o", sk: "s" }] };
    expect(buildScanInput("T", schemas, new Condition("age").ge(3), settings, 1)).toEqual({
      TableName: "T",
      IndexName: "byEmail",
      FilterExpression: "#n0 >= :v0",
      Segment: 1,
      TotalSegments: 2,
      ExclusiveStartKey: { email: { S: "e" }, owner: { S: "o" }, sk: { S: "s" } },
      ExpressionAttributeNames: { "#n0": "age" },
      ExpressionAttributeValues: { ":v0": { N: "3" } },
    });
    expect(() => buildScanInput("T", schemas, new Condition(), { ...settings, segments: 3 })).toThrow(
      "startAt() got 2 segment keys for a scan of 3 segment(s)",
    );
    expect(() =>
      buildScanInput("T", schemas, new Condition(), { segments: 2, startAt: { owner: "o" } }),
    ).toThrow("A parallel() scan continues from the array lastKey");
    expect(() => buildScanInput("T", schemas, new Condition(), { startAt: [{ owner: "o" }] })).toThrow(
      "only a parallel() scan can use",
    );
  });
});

describe("lastKey round trip", () => {
  it("returns keys by alias with JavaScript values, and takes them back", () => {
    const stored = { owner: { S: "o" }, sk: { S: "s" }, status: { S: "x" }, born: { N: "86400000" } };
    const lastKey = lastKeyFromDynamo(schemas[0]!, stored);
    expect(lastKey).toEqual({ ownerName: "o", sk: "s", status: "x", born: new Date(86_400_000) });
    expect(startKeyToDynamo(schemas[0]!, lastKey)).toEqual(stored);
  });

  it("accepts a key in DynamoDB's form, and rejects a value of the wrong type", () => {
    const dynamoForm = { owner: { S: "o" }, sk: { S: "s" } };
    expect(startKeyToDynamo(schemas[0]!, dynamoForm)).toEqual(dynamoForm);
    expect(() => startKeyToDynamo(schemas[0]!, { owner: 5, sk: "s" })).toThrow(TypeMismatch);
    // Without the table's range key, DynamoDB would only say the key is invalid.
    expect(() => startKeyToDynamo(schemas[0]!, { owner: { S: "o" } })).toThrow(
      `startAt() needs the table's key attribute "sk" (got {"owner":{"S":"o"}}): pass a result's lastKey.`,
    );
    expect(() => startKeyToDynamo(schemas[0]!, "o")).toThrow("startAt() needs a key object");
    expect(startKeyToDynamo(schemas[0]!, undefined)).toBeUndefined();
  });
});

describe("planQuery with consistent()", () => {
  it("chooses only the table or a local index", () => {
    const withRank = new Condition("owner").eq("o").where("rank").gt(1);
    expect(planQuery(schemas, withRank, { consistent: true }).indexName).toBe("byRank");
    expect(() => planQuery(schemas, new Condition("email").eq("e"), { consistent: true })).toThrow(
      'these attributes could serve: "owner" (the table), "owner" (index "byRank").',
    );
    expect(keyCandidates(schemas).find((entry) => entry.indexName === "byEmail")?.global).toBe(true);
  });

  it("rejects using() a global index", () => {
    expect(() =>
      planQuery(schemas, new Condition("email").eq("e"), { consistent: true, index: "byEmail" }),
    ).toThrow(
      'using("byEmail") with consistent(): DynamoDB cannot read a global secondary index with strong consistency.',
    );
  });
});
