// buildCreateTableInput: schemas + options → the CreateTable input. Pure, no client.
import { InvalidParameter } from "../../../lib/errors";
import type { CompiledSchema } from "../../../lib/schema/compiled";
import { compiledSchemaOf } from "../../../lib/schema/links";
import { Schema } from "../../../lib/schema/schema";
import { buildCreateTableInput, checkCreatable, checkName, checkNames } from "../../../lib/table/definition";
import { withTableAttributes } from "../../../lib/table/extra-attributes";

const compiled = (definition: ConstructorParameters<typeof Schema>[0]): CompiledSchema =>
  compiledSchemaOf(new Schema(definition))!;

const cat = compiled({
  pk: { type: String, hashKey: true },
  sk: { type: Number, rangeKey: true },
  email: { type: String, index: { name: "byEmail", project: ["name"], throughput: 3 } },
  rank: { type: Number, index: { name: "byRank", type: "local", project: false } },
  name: String,
});
const dog = compiled({
  pk: { type: String, hashKey: true },
  sk: { type: Number, rangeKey: true },
  breed: { type: String, index: { name: "byBreed", rangeKey: "sk" } },
});

describe("what DynamoDB would refuse, refused before it is sent", () => {
  it("names: 3 to 255 letters, digits, _, - or . (checked before sending; a request shows any)", () => {
    expect(() => checkNames(buildCreateTableInput("ab", [dog], { throughput: 1 }))).toThrow(
      new InvalidParameter(
        'Table name "ab" is not one DynamoDB takes: 3 to 255 letters, digits, "_", "-" or ".".',
      ),
    );
    expect(() => checkNames(buildCreateTableInput("my table", [dog], { throughput: 1 }))).toThrow(
      InvalidParameter,
    );
    const badIndex = compiled({ pk: String, sk: { type: Number, index: { name: "by sk" } } });
    expect(() => checkNames(buildCreateTableInput("Pets", [badIndex], { throughput: 1 }))).toThrow(
      'Index name "by sk" is not one DynamoDB takes',
    );
    expect(() => checkNames(buildCreateTableInput("a.B-c_9", [cat, dog], { throughput: 1 }))).not.toThrow();
    // A table's ARN is taken wherever its name is (cross-account access); its name part is checked.
    expect(() => checkName("Table", "arn:aws:dynamodb:us-east-1:123456789012:table/Pets")).not.toThrow();
    expect(() => checkName("Table", "arn:aws:dynamodb:us-east-1:123456789012:table/P")).toThrow(
      'Table name "arn:aws:dynamodb:us-east-1:123456789012:table/P" is not one DynamoDB takes',
    );
  });

  it("a local index on a table without a range key (checked before sending; a request shows it)", () => {
    const noRange = compiled({
      pk: String,
      rank: { type: Number, index: { name: "byRank", type: "local" } },
    });
    const input = buildCreateTableInput("Pets", [noRange], { throughput: 1 });
    expect(input.LocalSecondaryIndexes).toHaveLength(1);
    expect(() => checkCreatable(input)).toThrow(
      new InvalidParameter(
        'Table "Pets": local index "byRank" needs the table to have a range key (a local index sorts the ' +
          'table\'s hash key by another attribute); give the table a rangeKey, or make the index type: "global".',
      ),
    );
  });

  it("more than 5 local indexes", () => {
    const definition: Record<string, unknown> = {
      pk: { type: String, hashKey: true },
      sk: { type: Number, rangeKey: true },
    };
    for (let index = 1; index <= 6; index += 1)
      definition[`a${index}`] = { type: Number, index: { type: "local" } };
    expect(() =>
      checkCreatable(buildCreateTableInput("Pets", [compiled(definition as never)], { throughput: 1 })),
    ).toThrow(
      'Table "Pets" has 6 local indexes (a1LocalIndex, a2LocalIndex, a3LocalIndex, a4LocalIndex, a5LocalIndex, ' +
        "a6LocalIndex); DynamoDB allows at most 5 per table.",
    );
    delete definition.a6;
    expect(() =>
      checkCreatable(buildCreateTableInput("Pets", [compiled(definition as never)], { throughput: 1 })),
    ).not.toThrow();
  });
});

describe("index options", () => {
  it("a misspelt option is an InvalidParameter naming it; v2's global flag is accepted", () => {
    expect(() =>
      compiled({ pk: String, email: { type: String, index: { nmae: "byEmail" } as never } }),
    ).toThrow(
      new InvalidParameter(
        'Index on "email": unknown option "nmae" (allowed: name, type, rangeKey, project, throughput, global).',
      ),
    );
    expect(
      compiled({ pk: String, email: { type: String, index: { global: true, name: "byEmail" } } }).indexes,
    ).toHaveLength(1);
  });

  it("project: [] is KEYS_ONLY, or INCLUDE of what every read needs where there is such", () => {
    const schema = compiled({ pk: String, email: { type: String, index: { name: "byEmail", project: [] } } });
    const projected = (readNeeds: string[]) =>
      buildCreateTableInput("Pets", [schema], { throughput: 1, readNeeds }).GlobalSecondaryIndexes?.[0]
        ?.Projection;
    expect(projected([])).toEqual({ ProjectionType: "KEYS_ONLY" });
    expect(projected(["kind", "ttl"])).toEqual({
      ProjectionType: "INCLUDE",
      NonKeyAttributes: ["kind", "ttl"],
    });
  });
});

describe("buildCreateTableInput", () => {
  it("merges every model's keys and indexes, with one definition per key attribute", () => {
    const input = buildCreateTableInput("Pets", [cat, dog], { throughput: { read: 2, write: 4 } });
    expect(input).toEqual({
      TableName: "Pets",
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "N" },
        { AttributeName: "email", AttributeType: "S" },
        { AttributeName: "rank", AttributeType: "N" },
        { AttributeName: "breed", AttributeType: "S" },
      ],
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 4 },
      GlobalSecondaryIndexes: [
        {
          IndexName: "byEmail",
          KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["name"] },
          ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 3 },
        },
        {
          IndexName: "byBreed",
          KeySchema: [
            { AttributeName: "breed", KeyType: "HASH" },
            { AttributeName: "sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 4 },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: "byRank",
          KeySchema: [
            { AttributeName: "pk", KeyType: "HASH" },
            { AttributeName: "rank", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "KEYS_ONLY" },
        },
      ],
    });
  });

  it("ON_DEMAND, table class, tags and streams", () => {
    const input = buildCreateTableInput("T", [dog], {
      throughput: "ON_DEMAND",
      tableClass: "infrequentAccess",
      tags: { team: "core", env: "test" },
      streamOptions: { enabled: true, type: "NEW_IMAGE" },
    });
    expect(input.BillingMode).toBe("PAY_PER_REQUEST");
    expect(input.ProvisionedThroughput).toBeUndefined();
    expect(input.GlobalSecondaryIndexes![0]!.ProvisionedThroughput).toBeUndefined();
    expect(input.TableClass).toBe("STANDARD_INFREQUENT_ACCESS");
    expect(input.Tags).toEqual([
      { Key: "team", Value: "core" },
      { Key: "env", Value: "test" },
    ]);
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
  });

  it("sends nothing for the defaults (standard class, no tags, streams off)", () => {
    const input = buildCreateTableInput("T", [dog], {
      throughput: 5,
      tableClass: "standard",
      tags: {},
      streamOptions: { enabled: false, type: undefined },
    });
    expect(Object.keys(input).sort()).toEqual(
      [
        "AttributeDefinitions",
        "GlobalSecondaryIndexes",
        "KeySchema",
        "ProvisionedThroughput",
        "TableName",
      ].sort(),
    );
    expect(input.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
  });

  it("rejects a key attribute that is not a string, number or binary", () => {
    const bad = compiled({ id: { type: Boolean, hashKey: true } });
    expect(() => buildCreateTableInput("T", [bad], { throughput: 1 })).toThrow(InvalidParameter);
  });
});

describe("withTableAttributes", () => {
  it("adds the TTL attribute (epoch seconds, default now + ttl) and the entity attribute", () => {
    const [schema] = withTableAttributes(
      [dog],
      { expires: { ttl: 1000, attribute: "ttl", returnExpired: true }, entityAttribute: "_type" },
      "Dog",
    );
    const ttl = schema!.shape.byName.get("ttl")!;
    expect(ttl.settings.hasDefault).toBe(true);
    expect(ttl.variants[0]).toMatchObject({ kind: "scalar", type: { dynamoType: "N" } });
    const entity = schema!.shape.byName.get("_type")!;
    expect(entity.settings).toMatchObject({ default: "Dog", forceDefault: true });
  });

  it("leaves schemas alone when the table adds nothing, or the schema declares the TTL as it is kept", () => {
    expect(withTableAttributes([dog], { expires: undefined, entityAttribute: undefined }, "Dog")[0]).toBe(
      dog,
    );
    const own = compiled({ id: String, ttl: Number });
    const [schema] = withTableAttributes(
      [own],
      { expires: { ttl: undefined, attribute: "ttl", returnExpired: true }, entityAttribute: undefined },
      "X",
    );
    expect(schema).toBe(own);
  });

  it("gives a declared Number TTL attribute without a default now + ttl in epoch seconds", () => {
    const own = compiled({ id: String, ttl: { type: Number, required: true } });
    const [schema] = withTableAttributes(
      [own],
      { expires: { ttl: 5_000, attribute: "ttl", returnExpired: true }, entityAttribute: undefined },
      "X",
    );
    const ttl = schema!.shape.byName.get("ttl")!;
    expect(ttl.settings.required).toBe(true);
    expect(ttl.flags.defaults).toBe(true);
    const made = (ttl.settings.default as () => number)();
    expect(Math.abs(made - (Date.now() + 5_000) / 1000)).toBeLessThan(2);
  });
});
