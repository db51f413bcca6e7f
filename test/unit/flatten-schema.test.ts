// storage: "flatten" (SPEC §11): bad definitions are InvalidParameters at construction naming the path and
// the rule; a good one compiles to indexes and a CreateTable input on the stored names.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { compileSchema } from "../../lib/schema/compile";
import { buildCreateTableInput } from "../../lib/table/definition";

const address = { city: String, zip: String };

describe("flatten definition errors", () => {
  it.each([
    [
      "flatten on a non-Object type",
      { id: String, address: { type: String, storage: "flatten", schema: address } },
      '"address": storage: "flatten" needs the single type Object (got String)',
    ],
    [
      "json on a type that is not Object (it was silently stored natively)",
      { id: String, note: { type: String, storage: "json" } },
      '"note": storage: "json" needs the single type Object (got String)',
    ],
    [
      "json on Number",
      { id: String, count: { type: "number", storage: "json" } },
      '"count": storage: "json" needs the single type Object (got "number")',
    ],
    [
      "json on several types (a String stored so was read back through JSON.parse)",
      { id: String, data: { type: [Object, String], storage: "json" } },
      '"data": storage: "json" needs the single type Object (got Object, String)',
    ],
    [
      "json on several types, Object second",
      { id: String, data: { type: [String, Object], storage: "json" } },
      '"data": storage: "json" needs the single type Object (got String, Object)',
    ],
    [
      "flatten on several types",
      { id: String, address: { type: [Object, String], storage: "flatten", schema: address } },
      '"address": storage: "flatten" needs the single type Object',
    ],
    [
      "flatten without a schema",
      { id: String, address: { type: Object, storage: "flatten" } },
      '"address": storage: "flatten" needs a schema',
    ],
    [
      "flatten with type.ANY as schema",
      { id: String, address: { type: Object, storage: "flatten", schema: dynamodel.type.ANY } },
      '"address": storage: "flatten" needs a schema',
    ],
    [
      "flatten on a nested attribute",
      {
        id: String,
        outer: { type: Object, schema: { address: { type: Object, storage: "flatten", schema: address } } },
      },
      '"outer.address": storage: "flatten" is only supported on top-level attributes',
    ],
    [
      "an empty prefix",
      { id: String, address: { type: Object, storage: "flatten", prefix: "", schema: address } },
      '"address": prefix must be a non-empty string without dots (got "")',
    ],
    [
      "a prefix that is not a string",
      { id: String, address: { type: Object, storage: "flatten", prefix: 5, schema: address } },
      '"address": prefix must be a non-empty string without dots (got 5)',
    ],
    [
      "a prefix with a dot",
      { id: String, address: { type: Object, storage: "flatten", prefix: "a.", schema: address } },
      '"address": prefix must be a non-empty string',
    ],
    [
      "a prefix without flatten",
      { id: String, address: { type: Object, prefix: "a_", schema: address } },
      '"address": prefix only applies with storage: "flatten"',
    ],
    [
      "an unknown storage",
      { id: String, address: { type: Object, storage: "xml", schema: address } },
      '"address": storage must be "json" or "flatten" (got "xml")',
    ],
    [
      "a stored name that is another attribute",
      {
        id: String,
        addr_city: String,
        address: { type: Object, storage: "flatten", prefix: "addr_", schema: address },
      },
      '"address.city" is stored flattened as "addr_city", which is also the name of attribute "addr_city"',
    ],
    [
      "a stored name that is another attribute's alias",
      {
        id: String,
        town: { type: String, alias: "address_city" },
        address: { type: Object, storage: "flatten", schema: address },
      },
      'stored flattened as "address_city", which is also the name of attribute "town"',
    ],
    [
      "two flattened objects with one stored name",
      {
        id: String,
        a: { type: Object, storage: "flatten", prefix: "x_", schema: { city: String } },
        b: { type: Object, storage: "flatten", prefix: "x_", schema: { city: String } },
      },
      'Attributes "a.city" and "b.city" are both stored flattened as "x_city"',
    ],
    [
      "a hash key inside a flattened object",
      {
        id: String,
        address: { type: Object, storage: "flatten", schema: { city: { type: String, hashKey: true } } },
      },
      '"address.city": hashKey and rangeKey inside a flattened object (storage: "flatten") are not supported',
    ],
    [
      "a range key inside a flattened object",
      {
        id: String,
        address: { type: Object, storage: "flatten", schema: { city: { type: String, rangeKey: true } } },
      },
      "are not supported",
    ],
    [
      "an index on the flattened object itself",
      { id: String, address: { type: Object, storage: "flatten", index: true, schema: address } },
      '"address": a flattened object cannot be a key or have an index',
    ],
    [
      "an index deeper than a flattened sub-attribute",
      {
        id: String,
        address: {
          type: Object,
          storage: "flatten",
          schema: { geo: { type: Object, schema: { lat: { type: Number, index: true } } } },
        },
      },
      '"address.geo.lat": keys and indexes must be top-level attributes',
    ],
    [
      "an index range key that is no attribute",
      {
        id: String,
        address: {
          type: Object,
          storage: "flatten",
          schema: { city: { type: String, index: { rangeKey: "address.nope" } } },
        },
      },
      'range key "address.nope" is not an attribute',
    ],
  ])("%s", (_name, definition, message) => {
    const build = () => new Schema(definition as never);
    expect(build).toThrow(InvalidParameter);
    expect(build).toThrow(message);
  });

  test("a timestamp whose name is a stored flattened name", () => {
    const build = () =>
      new Schema(
        { id: String, address: { type: Object, storage: "flatten", prefix: "x", schema: { at: String } } },
        { timestamps: { createdAt: "xat" } },
      );
    expect(build).toThrow(InvalidParameter);
    expect(build).toThrow('"address.at" is stored flattened as "xat"');
  });

  test("a Schema with flattened attributes cannot be nested", () => {
    const inner = new Schema({ id: String, address: { type: Object, storage: "flatten", schema: address } });
    expect(() => new Schema({ id: String, other: inner })).toThrow(
      /"other": its schema stores "address" flattened/,
    );
    expect(() => new Schema({ id: String, other: { type: Object, schema: inner } })).toThrow(
      InvalidParameter,
    );
  });
});

describe("flattened indexes and table definition", () => {
  const compiled = compileSchema({
    id: String,
    address: {
      type: Object,
      storage: "flatten",
      prefix: "addr_",
      schema: {
        city: { type: String, index: [{ name: "byCity", rangeKey: "addr_zip", project: ["address"] }] },
        zip: { type: Number, index: { type: "local" } },
        street: String,
      },
    },
  });

  test("indexes are on stored names; rangeKey and project accept document names", () => {
    expect(compiled.indexes).toEqual([
      {
        name: "byCity",
        type: "global",
        hashKey: "addr_city",
        rangeKey: "addr_zip",
        project: ["addr_city", "addr_zip", "addr_street"],
        throughput: undefined,
      },
      {
        name: "addr_zipLocalIndex",
        type: "local",
        hashKey: "id",
        rangeKey: "addr_zip",
        project: true,
        throughput: undefined,
      },
    ]);
  });

  test("the CreateTable input defines the stored key attributes with their types", () => {
    const input = buildCreateTableInput("t", [compiled], { throughput: "ON_DEMAND" });
    expect(input.AttributeDefinitions).toEqual([
      { AttributeName: "id", AttributeType: "S" },
      { AttributeName: "addr_city", AttributeType: "S" },
      { AttributeName: "addr_zip", AttributeType: "N" },
    ]);
  });

  test("schema.indexAttributes names the stored attributes", () => {
    const schema = new Schema({
      id: String,
      address: { type: Object, storage: "flatten", schema: { city: { type: String, index: true } } },
    });
    expect(schema.indexAttributes).toEqual(["address_city"]);
  });
});

describe("flattened paths in condition errors", () => {
  const Flat = dynamodel.model(
    "FlattenErrorsUnit",
    new Schema({
      id: String,
      address: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String, zip: Number } },
    }),
    { create: false, waitForActive: false },
  );

  test("a wrong value type names the document path the caller wrote, not the stored name", async () => {
    await expect(
      Flat.scan("address.city")
        .eq(5 as never)
        .getRequest(),
    ).rejects.toThrow('"address.city" must be of type string (got 5)');
    await expect(
      Flat.scan()
        .where("address.zip")
        .beginsWith("x" as never)
        .getRequest(),
    ).rejects.toThrow(
      '"address.zip" must be a String or Binary attribute to take a beginsWith prefix (got "x")',
    );
    // The request itself still uses the stored name.
    expect(await Flat.scan("address.zip").eq(3).getRequest()).toMatchObject({
      ExpressionAttributeNames: { "#n0": "addr_zip" },
    });
  });
});
