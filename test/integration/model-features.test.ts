import dynamodel, { Condition, Schema, ValidationError } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

describe("references and populate", () => {
  const Owner = dynamodel.model(
    "RefOwner",
    { id: Number, name: String },
    { tableName: uniqueTableName("owners"), throughput: "ON_DEMAND" },
  );
  const Pet = dynamodel.model(
    "RefPet",
    new Schema({ id: Number, name: String, owner: Owner, parent: dynamodel.type.THIS }),
    { tableName: uniqueTableName("pets"), throughput: "ON_DEMAND" },
  );

  it("stores the referenced key and populates the item", async () => {
    const ann = await Owner.create({ id: 7, name: "Ann" });
    await Pet.create({ id: 1, name: "Mother" });
    const kitten = await Pet.create({ id: 2, name: "Kitten", owner: ann, parent: 1 });
    const { Item } = await rawClient().getItem({ TableName: Pet.table().name, Key: { id: { N: "2" } } });
    expect(Item?.owner).toEqual({ N: "7" });
    expect(Item?.parent).toEqual({ N: "1" });
    const loaded = (await Pet.get(2))!;
    expect(loaded.owner).toBe(7);
    await loaded.populate();
    expect(loaded.owner).toBeInstanceOf(Owner);
    expect((loaded.owner as unknown as { name: string }).name).toBe("Ann");
    expect((loaded.parent as unknown as { name: string }).name).toBe("Mother");
    void kitten;
  });

  it("populates only the requested properties", async () => {
    const loaded = (await Pet.get(2))!;
    await loaded.populate({ properties: ["parent"] });
    expect(loaded.owner).toBe(7);
    expect(loaded.parent).toBeInstanceOf(Pet);
  });

  it("rejects a reference of the wrong key type", async () => {
    await expect(Pet.create({ id: 3, owner: "seven" as never })).rejects.toThrow(
      '"owner" must be of type a model reference (got "seven")',
    );
  });
});

describe("serializers, custom methods, validate, original", () => {
  const Cat = dynamodel.model(
    "FeatureCat",
    new Schema({ id: Number, name: { type: String, required: true }, secret: String }),
    { tableName: uniqueTableName("cats"), throughput: "ON_DEMAND" },
  );

  it("serializes with include, exclude and modify, and a default serializer", () => {
    Cat.serializer.add("public", { exclude: ["secret"] });
    Cat.serializer.add("names", ["name"]);
    Cat.serializer.add("shout", {
      include: ["name"],
      modify: (serialized) => ({ name: String(serialized.name).toUpperCase() }),
    });
    const cat = new Cat({ id: 1, name: "Tom", secret: "s" });
    expect(cat.serialize("public")).toEqual({ id: 1, name: "Tom" });
    expect(cat.serialize("shout")).toEqual({ name: "TOM" });
    expect(Cat.serializeMany([cat], "names")).toEqual([{ name: "Tom" }]);
    Cat.serializer.default.set("public");
    expect(cat.serialize()).toEqual({ id: 1, name: "Tom" });
    Cat.serializer.delete("public");
    expect(cat.serialize()).toEqual({ id: 1, name: "Tom", secret: "s" });
    expect(() => cat.serialize("missing")).toThrow('Serializer "missing" is not defined.');
    expect(() => Cat.serializer.delete("_default")).toThrow("cannot be deleted");
  });

  it("serializes nested paths, as Dynamoose does, leaving the item as it was", () => {
    const Friendly = dynamodel.model(
      "FeatureFriendly",
      { id: Number, friend: { type: Object, schema: { id: Number, name: String } } },
      { create: false, initialize: false },
    );
    const item = new Friendly({ id: 1, friend: { id: 3, name: "Tom" } });
    expect(item.serialize({ exclude: ["friend.id"] })).toEqual({ id: 1, friend: { name: "Tom" } });
    expect(item.serialize({ include: ["friend.name"] })).toEqual({ friend: { name: "Tom" } });
    expect(item.serialize({ include: ["id", "friend.missing", "nothing.here"] })).toEqual({ id: 1 });
    expect(Friendly.serializeMany([item], { exclude: ["friend.name", "id"] })).toEqual([
      { friend: { id: 3 } },
    ]);
    expect(item.friend).toEqual({ id: 3, name: "Tom" });
  });

  it("refuses serializer names that are not strings", () => {
    expect(() => Cat.serializer.delete(undefined as never)).toThrow(dynamodel.InvalidParameter);
    expect(() => Cat.serializer.delete(1 as never)).toThrow(dynamodel.InvalidParameter);
    expect(() => Cat.serializer.default.set(1 as never)).toThrow(dynamodel.InvalidParameter);
  });

  it("adds custom static and item methods, never replacing built-ins", async () => {
    Cat.methods.set("byName", async function (this: typeof Cat, name: string) {
      return `looking for ${String(name)} in ${this.name}`;
    });
    Cat.methods.item.set("greet", function (this: { name: string }) {
      return `Hi, ${this.name}`;
    });
    Cat.methods.set("get", () => "hijacked");
    const statics = Cat as unknown as { byName(name: string): Promise<string> };
    await expect(statics.byName("Tom")).resolves.toBe("looking for Tom in FeatureCat");
    expect((new Cat({ id: 1, name: "Tom" }) as unknown as { greet(): string }).greet()).toBe("Hi, Tom");
    expect(typeof Cat.get).toBe("function");
    expect(Cat.get.toString()).not.toContain("hijacked");
    Cat.methods.delete("byName");
    expect((Cat as unknown as { byName?: unknown }).byName).toBeUndefined();
  });

  it("leaves the class's own prototype alone silently, as Dynamoose's docs say of built-ins", () => {
    const Plain = dynamodel.model("FeatureMethodsProto", { id: Number }, { create: false });
    const prototype = Plain.prototype;
    expect(() => Plain.methods.set("prototype", () => 1)).not.toThrow();
    expect(() => Plain.methods.delete("prototype")).not.toThrow();
    expect(Plain.prototype).toBe(prototype);
    expect(new Plain({ id: 1 })).toBeInstanceOf(Plain);
  });

  // Dynamoose has no item `validate`, `isDirty` or `modifiedPaths`: code written for it may define its own.
  it("lets a custom item method replace the item methods only dynamodel has, until it is deleted", async () => {
    const Custom = dynamodel.model("FeatureCustomValidate", { id: Number, name: String }, { create: false });
    Custom.methods.item.set("validate", function (this: { name?: string }) {
      return `custom check of ${this.name}`;
    });
    Custom.methods.item.set("isDirty", () => "custom dirty");
    Custom.methods.item.set("save", () => "hijacked");
    const item = new Custom({ id: 1, name: "Tom" });
    expect(await item.validate()).toBe("custom check of Tom");
    expect((item.isDirty as () => unknown)()).toBe("custom dirty");
    expect(item.save.toString()).not.toContain("hijacked");
    // Other models keep the built-ins.
    await expect(new Cat({ id: 5 } as never).validate()).rejects.toThrow(ValidationError);
    Custom.methods.item.delete("validate");
    await expect(new Custom({ id: 1, name: "Tom" }).validate()).resolves.toBeUndefined();
  });

  it("gives a callback to Dynamoose-style methods taking any number of arguments (rest or arguments)", async () => {
    const statics = Cat as unknown as Record<string, (...args: unknown[]) => unknown>;
    Cat.methods.set("restStyle", function (...args: unknown[]) {
      const done = args[args.length - 1] as (error: unknown, result?: unknown) => void;
      setTimeout(() => done(null, `rest ${args.length - 1}`), 1);
    });
    Cat.methods.set("argumentsStyle", function () {
      // eslint-disable-next-line prefer-rest-params -- the point of this case
      const done = arguments[arguments.length - 1] as (error: unknown, result?: unknown) => void;
      done(new Error("through the callback"));
    });
    Cat.methods.set("asyncRest", async (...ids: unknown[]) => ids.length);
    await expect(statics.restStyle!()).resolves.toBe("rest 0");
    await expect(statics.restStyle!("a", "b")).resolves.toBe("rest 2");
    await expect(statics.argumentsStyle!()).rejects.toThrow("through the callback");
    // An async method settles through its promise and gets no callback among its arguments.
    await expect(statics.asyncRest!(1, 2)).resolves.toBe(2);
    const viaCallback = await new Promise((resolve) =>
      statics.restStyle!("x", (_e: unknown, r: unknown) => resolve(r)),
    );
    expect(viaCallback).toBe("rest 1");
  });

  it("validates without writing, and knows its original", async () => {
    const cat = new Cat({ id: 5 } as never); // deliberately missing its required name
    await expect(cat.validate()).rejects.toThrow(ValidationError);
    expect(cat.original()).toBeNull();
    cat.name = "Tom";
    await cat.save();
    expect(cat.original()).toEqual({ id: 5, name: "Tom" });
    cat.name = "Changed";
    expect(cat.original()).toEqual({ id: 5, name: "Tom" });
  });
});

describe("several schemas in one model", () => {
  const Entity = dynamodel.model(
    "MultiEntity",
    [
      new Schema({ pk: String, title: String, pages: Number }),
      new Schema({ pk: String, email: String, age: Number }),
    ],
    { tableName: uniqueTableName("multi"), throughput: "ON_DEMAND" },
  );

  it("writes and reads each item with its best-matching schema", async () => {
    await Entity.create({ pk: "book#1", title: "Dune", pages: 412 });
    await Entity.create({ pk: "user#1", email: "a@b.c", age: 30 });
    expect({ ...(await Entity.get("book#1")) }).toEqual({ pk: "book#1", title: "Dune", pages: 412 });
    expect({ ...(await Entity.get("user#1")) }).toEqual({ pk: "user#1", email: "a@b.c", age: 30 });
  });

  it("picks the schema whose types the values fit when the names tie, as Dynamoose does", async () => {
    const tableName = uniqueTableName("multiTyped");
    const Typed = dynamodel.model(
      "MultiTyped",
      [
        { pk: String, value: String, data: [String, Number] },
        { pk: String, value: Number, item: String },
      ],
      { tableName, throughput: "ON_DEMAND" },
    );
    await Typed.create({ pk: "n", value: 2 });
    await Typed.create({ pk: "d", data: true, item: "test" } as never);
    await Typed.create({ pk: "s", value: "two" });
    expect(await storedItem(tableName, { pk: { S: "n" } })).toEqual({ pk: { S: "n" }, value: { N: "2" } });
    // `data: true` fits neither of the first schema's types: the second takes the item, without `data`.
    expect(await storedItem(tableName, { pk: { S: "d" } })).toEqual({ pk: { S: "d" }, item: { S: "test" } });
    expect(await storedItem(tableName, { pk: { S: "s" } })).toEqual({ pk: { S: "s" }, value: { S: "two" } });
    // Reads judge the stored types the same way.
    expect((await Typed.get("n"))?.toJSON()).toEqual({ pk: "n", value: 2 });
    expect((await Typed.get("s"))?.toJSON()).toEqual({ pk: "s", value: "two" });
  });
});

describe("requests and callbacks", () => {
  const Cat = dynamodel.model(
    "RequestCat",
    { id: Number, name: String },
    { tableName: uniqueTableName("req"), throughput: "ON_DEMAND" },
  );

  it("returns requests for create, save and delete without sending", async () => {
    expect(await Cat.create({ id: 1, name: "Tom" }, { return: "request" })).toEqual({
      TableName: Cat.table().name,
      Item: { id: { N: "1" }, name: { S: "Tom" } },
      ConditionExpression: "attribute_not_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "id" },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
    expect(await Cat.delete(1, { return: "request", condition: new Condition("name").eq("Tom") })).toEqual({
      TableName: Cat.table().name,
      Key: { id: { N: "1" } },
      ConditionExpression: "#n0 = :v0",
      ExpressionAttributeNames: { "#n0": "name" },
      ExpressionAttributeValues: { ":v0": { S: "Tom" } },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
    expect(await Cat.get(1)).toBeUndefined();
  });

  it("calls back with results and errors, returning undefined", async () => {
    const created = await new Promise<unknown>((resolve, reject) => {
      const returned = Cat.create({ id: 2, name: "Tom" }, (error, cat) =>
        error ? reject(error) : resolve(cat),
      );
      expect(returned).toBeUndefined();
    });
    expect((created as { name: string }).name).toBe("Tom");
    const failure = await new Promise<unknown>((resolve) => {
      Cat.create({ id: 2, name: "Again" }, {}, (error) => resolve(error));
    });
    expect(failure).toMatchObject({ name: "ConditionalCheckFailedException" });
    const deleted = await new Promise<unknown[]>((resolve) => {
      const returned = Cat.delete(2, (...args) => resolve(args));
      expect(returned).toBeUndefined();
    });
    expect(deleted).toEqual([]); // as Dynamoose: a delete calls back with nothing
    const saveError = await new Promise<unknown>((resolve) => {
      new Cat({ id: "bad" } as never).save((error) => resolve(error));
    });
    expect(saveError).toMatchObject({ name: "TypeMismatch" });
  });
});

describe("keys", () => {
  const Event = dynamodel.model(
    "KeyEvent",
    new Schema({
      stream: { type: String, hashKey: true, alias: "streamName" },
      at: { type: Date, rangeKey: true },
      what: String,
    }),
    { tableName: uniqueTableName("events"), throughput: "ON_DEMAND" },
  );
  const at = new Date("2024-02-03T04:05:06.789Z");

  it("accept aliases and Dates, stored in their stored form", async () => {
    await Event.create({ streamName: "s1", at, what: "boot" });
    const { Item } = await rawClient().getItem({
      TableName: Event.table().name,
      Key: { stream: { S: "s1" }, at: { N: String(at.getTime()) } },
    });
    expect(Item?.what).toEqual({ S: "boot" });
    expect((await Event.get({ streamName: "s1", at }))?.what).toBe("boot");
    expect((await Event.get({ stream: "s1", at: at.getTime() }))?.what).toBe("boot");
  });

  it("reject a missing range key and a wrong key type before sending", async () => {
    await expect(Event.get({ stream: "s1" } as never)).rejects.toThrow(
      'The key must include the range key "at"',
    );
    await expect(Event.get({ stream: 5, at } as never)).rejects.toThrow(
      '"stream" must be of type string (got 5)',
    );
    await expect(Event.get({ stream: "s1", at: "yesterday" } as never)).rejects.toThrow(
      '"at" must be of type date (got "yesterday")',
    );
  });
});

// Model.md writes `const User = new dynamoose.model("Model", ModelSchema);`.
describe("new dynamodel.model(…)", () => {
  it("defines the model as a call does", async () => {
    const construct = dynamodel.model as unknown as new (...args: unknown[]) => typeof Made;
    const Made = dynamodel.model(
      "NewKeywordModel",
      { id: String, n: Number },
      {
        tableName: uniqueTableName("newkeyword"),
        throughput: "ON_DEMAND",
      },
    );
    expect(new construct("NewKeywordModel")).toBe(Made);
    const Other = new construct("NewKeywordOther", new Schema({ id: String }), {
      tableName: uniqueTableName("newkeyword2"),
      throughput: "ON_DEMAND",
    });
    await Other.create({ id: "a" } as never);
    expect((await Other.get("a" as never))?.toJSON()).toEqual({ id: "a" });
  });
});
