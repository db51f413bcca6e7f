import { InvalidParameter, Schema, TypeMismatch, ValidationError, type } from "dynamodel";
import { buildUpdateInput, splitKeyAndUpdate } from "../../../lib/operations/update";
import { compiledSchemaOf } from "../../../lib/schema/links";
import { Condition } from "../../../lib/expressions/condition";

const schema = compiledSchemaOf(
  new Schema(
    {
      id: { type: String, hashKey: true },
      sort: { type: Number, rangeKey: true },
      name: { type: String, alias: "fullName" },
      age: Number,
      tags: { type: Array, schema: [String] },
      labels: { type: Set, schema: [String] },
      address: { type: Object, schema: { city: String, zip: Number } },
      hits: { type: Number, default: 0, forceDefault: true },
    },
    { timestamps: { updatedAt: "at" }, version: true },
  ),
)!;
const now = new Date(1000);
const key = { id: "a", sort: 1 };
const build = (update: unknown, settings = {}) =>
  buildUpdateInput(schema, "T", key, update, settings, { now });

describe("buildUpdateInput", () => {
  it("builds SET, REMOVE, ADD and DELETE with placeholders only, plus automatic attributes", async () => {
    const input = await build({
      fullName: "Ann",
      "address.city": "Oslo",
      $ADD: { age: 1, tags: ["x"] },
      $REMOVE: ["address.zip"],
      $DELETE: { labels: "old" },
    });
    expect(input).toEqual({
      TableName: "T",
      Key: { id: { S: "a" }, sort: { N: "1" } },
      ReturnValues: "ALL_NEW",
      UpdateExpression:
        "SET #n0 = :v0, #n1.#n2 = :v1, #n5 = list_append(if_not_exists(#n5, :v3), :v4), #n7 = :v6, #n8 = :v7" +
        " REMOVE #n1.#n3 ADD #n4 :v2, #n9 :v8 DELETE #n6 :v5",
      ExpressionAttributeNames: {
        "#n0": "name",
        "#n1": "address",
        "#n2": "city",
        "#n3": "zip",
        "#n4": "age",
        "#n5": "tags",
        "#n6": "labels",
        "#n7": "at",
        "#n8": "hits",
        "#n9": "version",
      },
      ExpressionAttributeValues: {
        ":v0": { S: "Ann" },
        ":v1": { S: "Oslo" },
        ":v2": { N: "1" },
        ":v3": { L: [] },
        ":v4": { L: [{ S: "x" }] },
        ":v5": { SS: ["old"] },
        ":v6": { N: "1000" },
        ":v7": { N: "0" },
        ":v8": { N: "1" },
      },
    });
  });

  it("puts the caller's condition first and requires a named version", async () => {
    const input = await build({ age: 2, version: 4 }, { condition: new Condition("age").lt(2) });
    expect(input.ConditionExpression).toBe("(#n0 < :v0) AND (#n1 = :v1)");
    expect(input.ExpressionAttributeNames).toMatchObject({ "#n0": "age", "#n1": "version" });
    expect(input.ExpressionAttributeValues).toMatchObject({ ":v0": { N: "2" }, ":v1": { N: "4" } });
    expect(input.ReturnValuesOnConditionCheckFailure).toBe("ALL_OLD");
  });

  it("handles $IF_NOT_EXISTS, $LIST_PREPEND and type.UNDEFINED", async () => {
    const input = await build({
      age: { $IF_NOT_EXISTS: 3 },
      tags: { $LIST_PREPEND: "y" },
      name: type.UNDEFINED,
    });
    expect(input.UpdateExpression).toMatch(
      /^SET #n0 = if_not_exists\(#n0, :v0\), #n1 = list_append\(:v1, if_not_exists\(#n1, :v2\)\)/,
    );
    expect(input.UpdateExpression).toContain("REMOVE #n2");
    expect(input.ExpressionAttributeValues![":v1"]).toEqual({ L: [{ S: "y" }] });
  });

  it.each([
    [{ $FOO: {} }, InvalidParameter],
    [{ $ADD: { name: 1 } }, TypeMismatch],
    [{ $ADD: { age: "1" } }, TypeMismatch],
    [{ $DELETE: { tags: "x" } }, TypeMismatch],
    [{ "age.x": 1 }, InvalidParameter],
    [{ "address[0]": 1 }, InvalidParameter],
    [{ sort: 2 }, ValidationError],
    [{ $REMOVE: ["version"] }, InvalidParameter],
  ])("rejects %j", async (update, error) => {
    await expect(build(update)).rejects.toThrow(error);
  });

  it("splits the key off a one-argument update, aliases included", () => {
    expect(splitKeyAndUpdate([schema], { id: "a", sort: 1, fullName: "Ann" })).toEqual([
      { id: "a", sort: 1 },
      { fullName: "Ann" },
    ]);
  });

  it("drops unknown attributes, as every write does", async () => {
    const input = await build({ nope: 1, age: 1 });
    expect(Object.values(input.ExpressionAttributeNames!)).not.toContain("nope");
  });
});
