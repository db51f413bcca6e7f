// Condition values through a schema's expression target: which usages go through the attribute's `set`,
// string prefixes, CONSTANT attributes, multi-schema resolution, and the consistent() planning error.
import { InvalidParameter, TypeMismatch } from "../../../lib/errors";
import { valuesSettled } from "../../../lib/pending-values";
import { Condition } from "../../../lib/expressions";
import { planQuery } from "../../../lib/operations/query-plan";
import { buildScanInput } from "../../../lib/operations/scan";
import type { CompiledSchema } from "../../../lib/schema/compiled";
import { expressionTargetOf, expressionTargetOfModel } from "../../../lib/schema/expression-target";
import { compiledSchemaOf } from "../../../lib/schema/links";
import { Schema } from "../../../lib/schema/schema";
import { type as types } from "../../../lib/schema/type-markers";
import { compile } from "./helpers";

const compiled = (schema: Schema): CompiledSchema => compiledSchemaOf(schema)!;
const lower = (value: unknown) => (value as string).toLowerCase();

const person = compiled(
  new Schema({
    id: { type: String, hashKey: true, set: lower },
    email: { type: String, set: lower, index: { name: "byEmail" } },
    iso: { type: { value: Date, settings: { storage: "iso" } } },
    born: Date,
    k: types.CONSTANT("K"),
    flag: types.CONSTANT(true),
    words: { type: Array, schema: [{ type: String, set: lower }] },
    labels: { type: Set, schema: [String] },
    address: { type: Object, schema: { city: { type: String, set: lower } } },
    slow: { type: String, set: async (value: unknown) => `${value as string}!` },
    label: types.COMBINE(["email", "id"], "|"),
  }),
);
const values = (condition: Condition) => compile(condition, expressionTargetOf(person)).values;

describe("the attribute's set on condition values", () => {
  it.each<[string, Condition]>([
    ["eq", new Condition("email").eq("A")],
    ["ne", new Condition("email").ne("A")],
    ["lt", new Condition("email").lt("A")],
    ["le", new Condition("email").le("A")],
    ["gt", new Condition("email").gt("A")],
    ["ge", new Condition("email").ge("A")],
    ["in", new Condition("email").in(["A"])],
    ["beginsWith", new Condition("email").beginsWith("A")],
    ["a nested attribute", new Condition("address.city").eq("A")],
    ["a whole object holding it", new Condition("address").eq({ city: "A" })],
  ])("applies to %s", (_name, condition) => {
    expect(JSON.stringify(values(condition))).toContain('{"S":"a"}');
    expect(JSON.stringify(values(condition))).not.toContain('"A"');
  });

  it("applies to both bounds of between", () => {
    expect(values(new Condition("email").between("A", "B"))).toEqual({
      ":v0": { S: "a" },
      ":v1": { S: "b" },
    });
  });

  it("applies to contains() substrings of a String attribute (as Dynamoose), not set members or size() numbers", () => {
    expect(values(new Condition("email").contains("A"))).toEqual({ ":v0": { S: "a" } });
    expect(values(new Condition("iso").contains("2020"))).toEqual({ ":v0": { S: "2020" } });
    // A COMBINE's string is searched as stored, as a beginsWith prefix of it is.
    expect(values(new Condition("label").contains("A|"))).toEqual({ ":v0": { S: "A|" } });
    expect(values(new Condition("label").beginsWith("A|"))).toEqual({ ":v0": { S: "A|" } });
    expect(values(new Condition("labels").contains("A"))).toEqual({ ":v0": { S: "A" } });
    expect(values(new Condition("email").size().eq(3))).toEqual({ ":v0": { N: "3" } });
  });

  it("applies a list element definition's own set to contains() elements", () => {
    expect(values(new Condition("words").contains("A"))).toEqual({ ":v0": { S: "a" } });
  });

  it("holds the place of a value from an asynchronous set until it settles", async () => {
    const compiled = values(new Condition("slow").eq("x").where("email").eq("A"));
    expect(compiled).toEqual({ ":v0": {}, ":v1": { S: "a" } });
    await valuesSettled({ ExpressionAttributeValues: compiled });
    expect(compiled).toEqual({ ":v0": { S: "x!" }, ":v1": { S: "a" } });
    const contained = values(new Condition("slow").contains("x"));
    expect(contained).toEqual({ ":v0": {} });
    await valuesSettled({ ExpressionAttributeValues: contained });
    expect(contained).toEqual({ ":v0": { S: "x!" } });
    expect(
      valuesSettled({ ExpressionAttributeValues: values(new Condition("email").eq("A")) }),
    ).toBeUndefined();
  });
});

describe("beginsWith prefixes", () => {
  it("sends a string prefix of an ISO Date as given", () => {
    expect(values(new Condition("iso").beginsWith("2020"))).toEqual({ ":v0": { S: "2020" } });
  });

  it("converts a Date given to beginsWith, and whole values of other operators", () => {
    expect(values(new Condition("iso").beginsWith(new Date(0)))).toEqual({
      ":v0": { S: "1970-01-01T00:00:00.000Z" },
    });
    expect(values(new Condition("iso").eq("2020"))).toEqual({ ":v0": { S: "2020-01-01T00:00:00.000Z" } });
  });

  it("type-checks a prefix that is not a string", () => {
    expect(() => values(new Condition("email").beginsWith(5))).toThrow(TypeMismatch);
  });
});

describe("CONSTANT attributes", () => {
  it("accept any value of the constant's type", () => {
    expect(values(new Condition("k").ne("J"))).toEqual({ ":v0": { S: "J" } });
    expect(values(new Condition("k").eq("K"))).toEqual({ ":v0": { S: "K" } });
    expect(values(new Condition("flag").eq(false))).toEqual({ ":v0": { BOOL: false } });
  });

  it("reject other types", () => {
    expect(() => values(new Condition("k").ne(5))).toThrow(TypeMismatch);
    expect(() => values(new Condition("flag").eq("true"))).toThrow(TypeMismatch);
  });
});

describe("multi-schema targets", () => {
  const first = compiled(new Schema({ id: String, code: Number }));
  const second = compiled(
    new Schema({ id: String, nick: { type: String, alias: "nn", set: lower }, code: String }),
  );
  const schemas = [first, second];

  it("resolve names only a later schema knows, with its conversion", () => {
    const result = compile(new Condition("nn").eq("Q"), expressionTargetOfModel(schemas));
    expect(result).toEqual({
      expression: "#n0 = :v0",
      names: { "#n0": "nick" },
      values: { ":v0": { S: "q" } },
    });
  });

  it("let the first schema win on conflicts", () => {
    const target = expressionTargetOfModel(schemas);
    expect(compile(new Condition("code").eq(1), target).values).toEqual({ ":v0": { N: "1" } });
    expect(() => compile(new Condition("code").eq("x"), target)).toThrow(TypeMismatch);
  });

  it("are built once per schemas array; a single schema's target is its own", () => {
    expect(expressionTargetOfModel(schemas)).toBe(expressionTargetOfModel(schemas));
    expect(expressionTargetOfModel([first])).toBe(expressionTargetOf(first));
  });

  it("serve scan and query builders", () => {
    expect(buildScanInput("T", schemas, new Condition("nn").eq("Q"), {}).ExpressionAttributeNames).toEqual({
      "#n0": "nick",
    });
    expect(planQuery(schemas, new Condition("id").eq("a").where("nn").eq("Q")).names).toEqual({
      "#n0": "id",
      "#n1": "nick",
    });
  });
});

describe("planQuery with consistent()", () => {
  it("says a global index would serve but is left out", () => {
    const plan = () => planQuery([person], new Condition("email").eq("x"), { consistent: true });
    expect(plan).toThrow(InvalidParameter);
    expect(plan).toThrow(
      'No table or index key can serve this query. "email" (index "byEmail") could serve it, but consistent() ' +
        "leaves global secondary indexes out",
    );
  });

  it("adds nothing when no global index would serve either", () => {
    const plan = () => planQuery([person], new Condition("iso").eq("x"), { consistent: true });
    expect(plan).toThrow(InvalidParameter);
    expect(plan).not.toThrow("consistent()");
  });
});
