import dynamodel, { Schema, TypeMismatch, ValidationError, InvalidParameter, InvalidType } from "dynamodel";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { compiledSchemaOf } from "../../lib/schema/links";
import { readPipeline } from "../../lib/schema/read";
import { writePipeline } from "../../lib/schema/write";

const now = new Date("2025-01-02T03:04:05.000Z");

function write(schema: Schema, input: Record<string, unknown>, isNew = true, old?: Record<string, unknown>) {
  return writePipeline(compiledSchemaOf(schema)!, input, { isNew, now, old });
}

function read(schema: Schema, attributes: Record<string, AttributeValue>) {
  return Promise.resolve(readPipeline(compiledSchemaOf(schema)!, attributes));
}

describe("write pipeline", () => {
  it("maps aliases to real names and rejects both at once", async () => {
    const schema = new Schema({ id: String, nick: { type: String, aliases: ["nickname", "handle"] } });
    await expect(write(schema, { id: "a", handle: "h" })).resolves.toMatchObject({
      attributes: { nick: { S: "h" } },
    });
    await expect(write(schema, { id: "a", nick: "x", handle: "h" })).rejects.toThrow(InvalidParameter);
    await expect(write(schema, { id: "a", nick: "x", handle: "h" })).rejects.toThrow(
      'Cannot map attribute "nick" to "handle" because both are defined.',
    );
  });

  it("applies defaults (values, sync and async functions) but not over type.UNDEFINED", async () => {
    let calls = 0;
    const schema = new Schema({
      id: String,
      plain: { type: Number, default: 1 },
      counted: { type: Number, default: () => ++calls },
      later: { type: String, default: async () => "async" },
      skipped: { type: String, default: "never" },
    });
    const { item } = await write(schema, { id: "a", skipped: dynamodel.type.UNDEFINED });
    expect(item).toEqual({ id: "a", plain: 1, counted: 1, later: "async" });
    await write(schema, { id: "b" });
    expect(calls).toBe(2); // called per write
  });

  it("type-checks defaults", async () => {
    // @ts-expect-error: a default of another type is also a compile error (definition-check.ts)
    const schema = new Schema({ id: String, n: { type: Number, default: "one" } });
    await expect(write(schema, { id: "a" })).rejects.toThrow('"n" must be of type number (got "one")');
  });

  it("forces forceDefault values over given ones", async () => {
    const schema = new Schema({ id: String, kind: { type: String, default: "cat", forceDefault: true } });
    expect((await write(schema, { id: "a", kind: "dog" })).item.kind).toBe("cat");
  });

  it("runs set(new, old), then schema set, then validators on the JavaScript value", async () => {
    const seen: unknown[] = [];
    const schema = new Schema(
      {
        id: String,
        name: {
          type: String,
          set: (value: unknown, old: unknown) => `${String(value).trim()}|${String(old)}`,
        },
        born: { type: Date, validate: (value: unknown) => (seen.push(value), true) },
      },
      { set: (item) => ({ ...item, extra: undefined, name: `${item.name as string}!` }) },
    );
    const { item, attributes } = await write(schema, { id: "a", name: "  Tom ", born: 0 }, false, {
      name: "Old",
    });
    expect(item.name).toBe("Tom|Old!");
    expect(seen[0]).toBeInstanceOf(Date); // the validator sees a Date, not the stored number
    expect(attributes.born).toEqual({ N: "0" });
  });

  it("re-checks the type of a set() result", async () => {
    const schema = new Schema({ id: String, n: { type: Number, set: () => "not a number" } });
    await expect(write(schema, { id: "a", n: 1 })).rejects.toThrow(TypeMismatch);
  });

  it("reports schema-level validation failures", async () => {
    const schema = new Schema(
      { id: String, a: Number, b: Number },
      { validate: (item) => (item.a as number) < (item.b as number) },
    );
    await expect(write(schema, { id: "x", a: 2, b: 1 })).rejects.toThrow(ValidationError);
    await expect(write(schema, { id: "x", a: 2, b: 1 })).rejects.toThrow(
      "The item failed the schema's validate rule",
    );
  });

  it("lets a validator's own error propagate", async () => {
    const schema = new Schema({
      id: String,
      n: {
        type: Number,
        validate: () => {
          throw new RangeError("too big");
        },
      },
    });
    await expect(write(schema, { id: "x", n: 1 })).rejects.toThrow(RangeError);
  });

  it("checks nested required only when the parent exists, and list elements by index", async () => {
    const schema = new Schema({
      id: String,
      address: { type: Object, schema: { city: { type: String, required: true } } },
      pets: { type: Array, schema: [{ type: String, enum: ["cat", "dog"] }] },
    });
    await expect(write(schema, { id: "a" })).resolves.toBeDefined();
    await expect(write(schema, { id: "a", address: {} })).rejects.toThrow(
      '"address.city" is required (got undefined)',
    );
    await expect(write(schema, { id: "a", pets: ["cat", "cow"] })).rejects.toThrow(
      '"pets[1]" must be one of ["cat","dog"] (got "cow")',
    );
  });

  it("matches a Date against an enum by time: Date entries or the stored form of its storage", async () => {
    const epoch = new Date(0);
    const byDate = new Schema({ id: String, d: { type: Date, enum: [new Date(0)] } });
    const byMillis = new Schema({ id: String, d: { type: Date, enum: [0, 1000] } });
    const bySeconds = new Schema({
      id: String,
      d: { type: { value: Date, settings: { storage: "seconds" } }, enum: [1] },
    });
    const byIso = new Schema({
      id: String,
      d: { type: { value: Date, settings: { storage: "iso" } }, enum: ["1970-01-01T00:00:00.000Z"] },
    });
    await expect(write(byDate, { id: "a", d: epoch })).resolves.toMatchObject({
      attributes: { d: { N: "0" } },
    });
    await expect(write(byMillis, { id: "a", d: 1000 })).resolves.toBeDefined();
    await expect(write(bySeconds, { id: "a", d: new Date(1000) })).resolves.toBeDefined();
    await expect(write(byIso, { id: "a", d: epoch })).resolves.toBeDefined();
    await expect(write(byMillis, { id: "a", d: new Date(5) })).rejects.toThrow(
      '"d" must be one of [0,1000] (got 1970-01-01T00:00:00.005Z)',
    );
    await expect(write(byDate, { id: "a", d: new Date(1) })).rejects.toThrow(ValidationError);
  });

  it("names the path of a nested type error", async () => {
    const schema = new Schema({
      id: String,
      pets: { type: Array, schema: [{ type: Object, schema: { age: Number } }] },
    });
    await expect(write(schema, { id: "a", pets: [{ age: 1 }, { age: "2" }] })).rejects.toThrow(
      '"pets[1].age" must be of type number (got "2")',
    );
  });

  it("never coerces strings and rejects null except for NULL and ANY", async () => {
    const schema = new Schema({
      id: String,
      n: Number,
      nothing: dynamodel.type.NULL,
      any: dynamodel.type.ANY,
    });
    await expect(write(schema, { id: "a", n: "5" })).rejects.toThrow('"n" must be of type number (got "5")');
    await expect(write(schema, { id: "a", n: null })).rejects.toThrow(TypeMismatch);
    await expect(write(schema, { id: "a", nothing: null, any: null })).resolves.toMatchObject({
      attributes: { nothing: { NULL: true }, any: { NULL: true } },
    });
  });

  it("drops unknown attributes unless saveUnknown keeps them", async () => {
    const strict = new Schema({ id: String });
    expect((await write(strict, { id: "a", extra: 1 })).attributes).toEqual({ id: { S: "a" } });
    const patterns = new Schema(
      { id: String, person: { type: Object, schema: { name: String } } },
      { saveUnknown: ["person.*", "friend.**", "top"] },
    );
    const { attributes } = await write(patterns, {
      id: "a",
      top: 1,
      other: 2,
      person: { name: "n", b: { c: 1 }, d: 2 },
      friend: { x: { y: { z: 1 } } },
    });
    expect(attributes).toEqual({
      id: { S: "a" },
      top: { N: "1" },
      person: { M: { name: { S: "n" }, b: { M: {} }, d: { N: "2" } } },
      friend: { M: { x: { M: { y: { M: { z: { N: "1" } } } } } } },
    });
  });

  it("computes COMBINE attributes and ignores given values", async () => {
    const schema = new Schema({
      id: String,
      first: String,
      last: String,
      full: dynamodel.type.COMBINE(["first", "last"], " "),
    });
    expect((await write(schema, { id: "a", first: "Ada", last: "Lovelace", full: "x" })).item.full).toBe(
      "Ada Lovelace",
    );
    expect((await write(schema, { id: "a", last: "Lovelace" })).item.full).toBe("Lovelace");
  });

  it("enforces CONSTANT values", async () => {
    const schema = new Schema({ id: String, kind: dynamodel.type.CONSTANT("cat") });
    await expect(write(schema, { id: "a", kind: "dog" })).rejects.toThrow(
      '"kind" must be of type constant string ("cat")',
    );
  });

  it("picks the first matching type, and the best-matching object schema", async () => {
    const schema = new Schema({
      id: String,
      value: [Number, String],
      shape: [
        { type: Object, schema: { a: String } },
        { type: Object, schema: { b: Number, c: Number } },
      ],
    });
    const { attributes } = await write(schema, { id: "x", value: "s", shape: { b: 1, c: 2 } });
    expect(attributes.value).toEqual({ S: "s" });
    expect(attributes.shape).toEqual({ M: { b: { N: "1" }, c: { N: "2" } } });
  });

  it("collapses duplicate set members, accepts arrays, stores an empty set as absent", async () => {
    const schema = new Schema({
      id: String,
      tags: { type: Set, schema: [String] },
      at: { type: Set, schema: [Date] },
    });
    const { attributes } = await write(schema, { id: "a", tags: ["x", "x", "y"], at: new Set() });
    expect(attributes).toEqual({ id: { S: "a" }, tags: { SS: ["x", "y"] } });
  });

  it("rejects a Set of a type DynamoDB cannot store as a set", async () => {
    const schema = new Schema({ id: String, flags: { type: Set, schema: [Boolean] } });
    await expect(write(schema, { id: "a" })).resolves.toBeDefined();
    await expect(write(schema, { id: "a", flags: [true] })).rejects.toThrow(InvalidType);
  });

  it("stamps createdAt only for new items and updatedAt always, in the chosen storage", async () => {
    const schema = new Schema(
      { id: String },
      {
        timestamps: {
          createdAt: ["created", "born"],
          updatedAt: { changed: { type: { value: Date, settings: { storage: "iso" } } } },
        },
      },
    );
    const fresh = await write(schema, { id: "a" });
    expect(fresh.attributes).toEqual({
      id: { S: "a" },
      created: { N: String(now.getTime()) },
      born: { N: String(now.getTime()) },
      changed: { S: now.toISOString() },
    });
    const existing = await write(schema, { id: "a" }, false);
    expect(existing.attributes.created).toBeUndefined();
  });

  it("requires the key attributes", async () => {
    const schema = new Schema({ id: String, sort: { type: Number, rangeKey: true } });
    await expect(write(schema, { id: "a" })).rejects.toThrow(
      '"sort" is a key attribute and must have a value',
    );
  });
});

describe("read pipeline", () => {
  it("converts types back, applies getters (sync and async) and schema get, renames to aliases", async () => {
    const schema = new Schema(
      {
        id: String,
        nick: { type: String, alias: "nickname", get: (value: unknown) => String(value).toUpperCase() },
        born: { type: Date, get: async (value: unknown) => value },
        tags: { type: Set, schema: [Number] },
      },
      { get: (item) => ({ ...item, nick: `${item.nick as string}!` }) },
    );
    const item = await read(schema, {
      id: { S: "a" },
      nick: { S: "t" },
      born: { N: "0" },
      tags: { NS: ["1", "2"] },
      stray: { S: "dropped" },
    });
    expect(item).toEqual({ id: "a", nickname: "T!", born: new Date(0), tags: new Set([1, 2]) });
  });

  it("strips what the schema's get adds unless the schema declares it or saveUnknown keeps it (SPEC §2)", async () => {
    const adding = (item: Record<string, unknown>) => ({ ...item, extra: "E", label: "L", note: "N" });
    const strict = new Schema({ id: String, label: String }, { get: adding });
    expect(await read(strict, { id: { S: "a" } })).toEqual({ id: "a", label: "L" });
    const inPlace = new Schema(
      { id: String },
      {
        get: (item) => {
          (item as Record<string, unknown>).extra = "E";
          return item;
        },
      },
    );
    expect(await read(inPlace, { id: { S: "a" } })).toEqual({ id: "a" });
    const inPlaceNoReturn = new Schema(
      { id: String },
      {
        get: (item) => {
          (item as Record<string, unknown>).extra = "E";
          return undefined as unknown as typeof item;
        },
      },
    );
    expect(await read(inPlaceNoReturn, { id: { S: "a" } })).toEqual({ id: "a" });
    const keeping = new Schema({ id: String }, { get: adding, saveUnknown: ["note"] });
    expect(await read(keeping, { id: { S: "a" }, stored: { S: "s" } })).toEqual({ id: "a", note: "N" });
    const all = new Schema({ id: String }, { get: adding, saveUnknown: true });
    expect(await read(all, { id: { S: "a" } })).toEqual({ id: "a", extra: "E", label: "L", note: "N" });
  });

  it("keeps data that no longer fits the schema instead of dropping it", async () => {
    const schema = new Schema({ id: String, count: Number });
    expect(await read(schema, { id: { S: "a" }, count: { S: "legacy" } })).toEqual({
      id: "a",
      count: "legacy",
    });
  });

  it("reads a multi-type attribute by its stored type", async () => {
    const schema = new Schema({ id: String, value: [Number, Date] });
    expect(await read(schema, { id: { S: "a" }, value: { N: "5" } })).toEqual({ id: "a", value: 5 });
  });
});

describe("saveUnknown patterns", () => {
  it("keeps the maps on the way to a wildcard pattern, but no scalar there: it never widens", async () => {
    const schema = new Schema({ id: String }, { saveUnknown: ["**.secret"] });
    const { attributes } = await write(schema, {
      id: "a",
      open: 1,
      deep: { secret: 1, other: 2, list: [3] },
    });
    expect(attributes.open).toBeUndefined(); // on the way to "**.secret", but not a map
    // A map or list on the way where nothing matched is not kept as an empty shell.
    expect(attributes.deep).toEqual({ M: { secret: { N: "1" } } });
    const nothing = await write(schema, { id: "b", payload: { a: { b: [1, 2, { c: 3 }] } }, tags: [1, 2] });
    expect(Object.keys(nothing.attributes)).toEqual(["id"]);
  });
});

describe("set members collapse by stored form", () => {
  const schema = new Schema({
    id: { type: String, hashKey: true },
    names: { type: Set, schema: [String] },
    blobs: { type: Set, schema: [Buffer] },
    counts: { type: Set, schema: [Number] },
  });

  it("keeps one of each equal member, for strings, numbers and bytes", async () => {
    const { attributes } = await write(schema, {
      id: "1",
      names: ["a", "b", "a"],
      counts: [1, 1.0, 2],
      // Distinct Buffer objects with equal bytes are one member: DynamoDB refuses duplicates in a BS.
      blobs: [Buffer.from("xy"), Buffer.from("xy"), Buffer.from("z")],
    });
    expect(attributes.names).toEqual({ SS: ["a", "b"] });
    expect(attributes.counts).toEqual({ NS: ["1", "2"] });
    expect(attributes.blobs!.BS!.map((bytes) => Buffer.from(bytes).toString())).toEqual(["xy", "z"]);
  });
});
