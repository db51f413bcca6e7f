import dynamodel, {
  InvalidParameter,
  InvalidParameterType,
  InvalidType,
  Schema,
  UnknownAttribute,
} from "dynamodel";

describe("Schema construction errors", () => {
  it.each([
    ["a non-object definition", () => new Schema([] as never), InvalidParameterType, "must be an object"],
    ["an empty definition", () => new Schema({}), InvalidParameter, "must not be an empty object."],
    // @ts-expect-error: a compile error too (lib/schema/definition-check.ts)
    ["a dot in a name", () => new Schema({ "a.b": String }), InvalidParameter, "must not contain dots"],
    [
      "a dot in a nested name",
      // @ts-expect-error: a compile error too
      () => new Schema({ id: String, o: { type: Object, schema: { "x.y": String } } }),
      InvalidParameter,
      'Attribute "o.x.y": Attributes must not contain dots.',
    ],
    [
      "two hash keys",
      // @ts-expect-error: a construction error the types catch too; here it is checked at run time
      () => new Schema({ a: { type: String, hashKey: true }, b: { type: String, hashKey: true } }),
      InvalidParameter,
      "Only one attribute may be the hashKey",
    ],
    [
      "two range keys",
      () =>
        // @ts-expect-error: a construction error the types catch too; here it is checked at run time
        new Schema({ a: String, b: { type: String, rangeKey: true }, c: { type: Number, rangeKey: true } }),
      InvalidParameter,
      "Only one attribute may be the rangeKey",
    ],
    [
      "one attribute both keys",
      // @ts-expect-error: a construction error the types catch too; here it is checked at run time
      () => new Schema({ a: { type: String, hashKey: true, rangeKey: true } }),
      InvalidParameter,
      "both the hash key and the range key",
    ],
    [
      "a key on a nested attribute",
      () => new Schema({ id: String, o: { type: Object, schema: { k: { type: String, hashKey: true } } } }),
      InvalidParameter,
      "keys and indexes must be top-level",
    ],
    [
      "an index on a nested attribute",
      () => new Schema({ id: String, o: { type: Object, schema: { k: { type: String, index: true } } } }),
      InvalidParameter,
      "keys and indexes must be top-level",
    ],
    [
      "an unknown type name",
      // @ts-expect-error: a compile error too
      () => new Schema({ id: "random" }),
      InvalidParameter,
      'does not have a valid type (got "random")',
    ],
    [
      "attribute definitions under type (Dynamoose accepts them, then stores empty values)",
      () =>
        new Schema({
          id: String,
          d: {
            type: [
              // @ts-expect-error: a compile error too
              { type: Array, schema: [String] },
              { type: Object, schema: { name: String } },
            ],
          },
        }),
      InvalidParameter,
      'Attribute "d": a type must not be an attribute definition (got {"type":"Array","schema":["String"]}). ' +
        'Write one definition as the attribute ("d": {type: …}), and several types with their own settings as an ' +
        'array of definitions ("d": [{type: …}, {type: …}]).',
    ],
    [
      '"null" as a type name',
      // @ts-expect-error: a compile error too
      () => new Schema({ id: String, n: "null" }),
      InvalidParameter,
      "does not have a valid type",
    ],
    [
      "an unknown type value",
      () => new Schema({ id: String, x: Math as never }),
      InvalidParameter,
      "does not have a valid type",
    ],
    [
      "an Array schema with two elements",
      // @ts-expect-error: refused at compile time too
      () => new Schema({ id: String, list: { type: Array, schema: [String, Number] } }),
      InvalidParameter,
      "You must only pass one element into schema array.",
    ],
    [
      "two alias settings",
      () => new Schema({ id: String, n: { type: String, alias: "a", map: "b" } }),
      InvalidParameter,
      "only one of map, alias and aliases",
    ],
    [
      "an alias that is not a name",
      () => new Schema({ id: String, n: { type: String, alias: 5 as never } }),
      InvalidParameter,
      'Attribute "n": alias must be a name or an array of names (got 5).',
    ],
    [
      "aliases holding a number",
      () => new Schema({ id: String, n: { type: String, aliases: ["a", 5] as never } }),
      InvalidParameter,
      'Attribute "n": aliases must be a name or an array of names',
    ],
    [
      "an index rangeKey that is not a name",
      () => new Schema({ id: String, n: { type: String, index: { rangeKey: 5 as never } } }),
      InvalidParameter,
      'Index on "n": rangeKey must be an attribute name (got 5).',
    ],
    [
      "an alias that is an attribute name",
      () => new Schema({ id: String, name: String, n: { type: String, alias: "name" } }),
      InvalidParameter,
      'Alias "name" is also the name of an attribute',
    ],
    [
      "an index whose range key is its own hash key",
      () => new Schema({ id: String, b: { type: String, index: { rangeKey: "b" } } }),
      InvalidParameter,
      'Index on "b": its range key is its own hash key; name another attribute, or leave rangeKey out.',
    ],
    [
      // With no hash key marked, the first attribute is the hash key: DynamoDB refused the table.
      "a range key that is the first attribute, with no hash key marked",
      () => new Schema({ r: { type: String, rangeKey: true }, id: String }),
      InvalidParameter,
      'Attribute "r" is the range key, and the hash key too',
    ],
    [
      "a local index on the table's hash key (its range key would be the hash key too)",
      () =>
        new Schema({ id: { type: String, index: { type: "local" } }, r: { type: String, rangeKey: true } }),
      InvalidParameter,
      'Index on "id": a local index on the table\'s hash key would have it as its range key too',
    ],
    [
      "an alias with a dot",
      () =>
        new Schema({
          id: String,
          x: { type: Object, schema: { y: String } },
          q: { type: String, alias: "x.y" },
        }),
      InvalidParameter,
      'Alias "x.y": aliases must not contain dots.',
    ],
    [
      "a nested alias with a dot",
      () => new Schema({ id: String, m: { type: Object, schema: { q: { type: String, alias: "a.b" } } } }),
      InvalidParameter,
      'Alias "m.a.b": aliases must not contain dots.',
    ],
    [
      "an alias used twice",
      () => new Schema({ id: String, a: { type: String, alias: "x" }, b: { type: String, alias: "x" } }),
      InvalidParameter,
      'Alias "x" is used by two attributes ("a" and "b").',
    ],
    [
      "a defaultMap that is not an alias",
      () => new Schema({ id: String, a: { type: String, alias: "x", defaultMap: "y" } }),
      InvalidParameter,
      'defaultMap "y" must be one of its aliases',
    ],
    [
      "a defaultAlias that is not an alias (named as given)",
      () => new Schema({ id: String, a: { type: String, alias: "x", defaultAlias: "y" } }),
      InvalidParameter,
      'Attribute "a": defaultAlias "y" must be one of its aliases',
    ],
    [
      "types of one attribute giving different default names",
      () =>
        new Schema({
          pk: String,
          id: [
            { type: Number, map: ["_id", "userID"], defaultMap: "userID" },
            { type: String, map: ["_id", "userID"], defaultMap: "_id" },
          ],
        }),
      InvalidParameter,
      'Attribute "id": its types give different default names ("userID" and "_id"); only one defaultMap',
    ],
    [
      "a timestamp name defined in the schema",
      () => new Schema({ id: String, createdAt: Date }, { timestamps: true }),
      InvalidParameter,
      'Timestamp attributes must not be defined in schema ("createdAt" is).',
    ],
    [
      "a timestamp with several types",
      () => new Schema({ id: String }, { timestamps: { createdAt: { born: { type: [Date, Number] } } } }),
      InvalidType,
      "cannot have several types",
    ],
    [
      "a key with several types",
      () => new Schema({ id: { type: [String, Number], hashKey: true } }),
      InvalidParameter,
      'Key attribute "id" cannot have several types',
    ],
    [
      "an index key with several types",
      () => new Schema({ id: String, g: { type: [String, Number], index: true } }),
      InvalidParameter,
      'Index key attribute "g" (index "gGlobalIndex") cannot have several types',
    ],
    [
      "an index range key with several types",
      () => new Schema({ id: String, g: { type: String, index: { rangeKey: "r" } }, r: [String, Number] }),
      InvalidParameter,
      'Index key attribute "r"',
    ],
    [
      "a declared version attribute that is not a Number",
      () => new Schema({ id: String, version: String }, { version: true }),
      InvalidParameter,
      'The version attribute "version" must be of type Number',
    ],
    [
      "a declared custom version attribute with several types",
      () => new Schema({ id: String, rev: [Number, String] }, { version: "rev" }),
      InvalidParameter,
      'The version attribute "rev" must be of type Number',
    ],
    [
      "a key marked in a Schema nested as a type (as in a nested definition object)",
      () => new Schema({ id: String, sub: new Schema({ k: { type: String, hashKey: true }, v: String }) }),
      InvalidParameter,
      'Attribute "sub": keys and indexes must be top-level attributes (its schema marks "k").',
    ],
    [
      "a range key or index in a Schema nested as an Object's or a list element's schema",
      () =>
        new Schema({
          id: String,
          list: {
            type: Array,
            schema: [
              new Schema({
                a: String,
                r: { type: Number, rangeKey: true },
                g: { type: String, index: true },
              }),
            ],
          },
        }),
      InvalidParameter,
      'keys and indexes must be top-level attributes (its schema marks "r", "g").',
    ],
    [
      "a declared version attribute with an alias (it would hold a second, stale copy)",
      () => new Schema({ id: String, v: { type: Number, alias: "ver" } }, { version: "v" }),
      InvalidParameter,
      'The version attribute "v" must be a plain Number, without alias: optimistic locking alone writes it (1, 2, 3…).',
    ],
    [
      "a declared version attribute with set, default and validate",
      () =>
        new Schema(
          {
            id: String,
            version: { type: Number, set: (x: number) => x * 10, default: 5, validate: (x: number) => x > 0 },
          },
          { version: true },
        ),
      InvalidParameter,
      'The version attribute "version" must be a plain Number, without default, set, validate:',
    ],
    [
      "a declared version attribute with get, enum or forceDefault",
      () =>
        new Schema(
          {
            id: String,
            rev: { type: Number, get: (x: number) => x, enum: [1, 2], default: 1, forceDefault: true },
          },
          { version: "rev" },
        ),
      InvalidParameter,
      'The version attribute "rev" must be a plain Number, without default, forceDefault, get, enum:',
    ],
    [
      "a declared version attribute marked required (every create would fail: the version is stamped later)",
      () => new Schema({ id: String, version: { type: Number, required: true } }, { version: true }),
      InvalidParameter,
      'The version attribute "version" must be a plain Number, without required:',
    ],
    [
      "a version attribute that is the range key",
      () => new Schema({ id: String, version: { type: Number, rangeKey: true } }, { version: true }),
      InvalidParameter,
      'The version attribute "version" must be a plain Number, without a key role:',
    ],
    [
      "a version attribute that is the hash key by default (the first attribute)",
      () => new Schema({ version: Number, id: String }, { version: true }),
      InvalidParameter,
      'The version attribute "version" must be a plain Number, without a key role:',
    ],
    [
      "a version name that is another attribute's alias",
      () => new Schema({ id: String, n: { type: Number, alias: "version" } }, { version: true }),
      InvalidParameter,
      'The version attribute "version" is also an alias of "n": choose another version name or alias.',
    ],
    [
      "a COMBINE with other types",
      () => new Schema({ id: String, c: [dynamodel.type.COMBINE(["id"]), String] }),
      InvalidParameter,
      "COMBINE attribute cannot have other types",
    ],
    [
      "two indexes with one name",
      () =>
        new Schema({
          id: String,
          a: { type: String, index: { name: "i" } },
          b: { type: String, index: { name: "i" } },
        }),
      InvalidParameter,
      'Two indexes are named "i"',
    ],
  ])("rejects %s", (_label, construct, errorClass, message) => {
    expect(construct).toThrow(errorClass);
    expect(construct).toThrow(message);
  });

  it("rejects models whose schemas disagree on the hash key", () => {
    expect(() =>
      dynamodel.model("Mismatch", [
        new Schema({ id: String }),
        new Schema({ other: { type: String, hashKey: true } }),
      ]),
    ).toThrow(`hashKey's for all schema's must match. (found "id" and "other")`);
  });

  it("rejects models whose schemas disagree on the range key, one having none included (SPEC §3)", () => {
    const ranged = () => new Schema({ id: String, sk: { type: String, rangeKey: true } });
    expect(() => dynamodel.model("RangeMismatch", [ranged(), new Schema({ id: String, q: String })])).toThrow(
      `rangeKey's for all schema's must match ("sk" and no range key).`,
    );
    expect(() => dynamodel.model("RangeMismatch2", [new Schema({ id: String }), ranged()])).toThrow(
      InvalidParameter,
    );
    const Ranged = dynamodel.model("RangeMismatchA", ranged(), { initialize: false });
    const Plain = dynamodel.model("RangeMismatchB", { id: String }, { initialize: false });
    expect(() => new dynamodel.Table("RangeMismatchTable", [Ranged, Plain], { initialize: false })).toThrow(
      `rangeKey's for all models must match ("sk" and no range key).`,
    );
  });

  it("throws MissingSchemaError for model() with nothing, as Dynamoose does", () => {
    expect(() => (dynamodel.model as unknown as () => unknown)()).toThrow(
      expect.objectContaining({
        name: "MissingSchemaError",
        message: 'Schema hasn\'t been registered for model "undefined".',
      }),
    );
    expect(() => dynamodel.model("", { id: String })).toThrow(InvalidParameter);
  });

  it("refuses a key or index on any definition of a nested attribute, or on a later definition", () => {
    const nested = () =>
      new Schema({
        id: String,
        friends: {
          type: Object,
          schema: {
            names: [
              { type: Array, schema: [String] },
              { type: String, index: true },
            ],
          },
        },
      } as never);
    expect(nested).toThrow(
      new InvalidParameter('Attribute "friends.names": keys and indexes must be top-level attributes.'),
    );
    expect(
      () =>
        new Schema({
          id: String,
          v: [
            { type: Array, schema: [String] },
            { type: String, index: true },
          ],
        } as never),
    ).toThrow(
      new InvalidParameter(
        `Attribute "v": a key or index belongs on the attribute's first definition (it has 2).`,
      ),
    );
  });

  it("getAttributeType of a Set DynamoDB cannot store is an InvalidType, as saving one is", () => {
    const schema = new Schema({ id: String, flags: { type: Set, schema: [Boolean] } } as never);
    expect(() => schema.getAttributeType("flags")).toThrow(InvalidType);
    expect(new Schema({ id: String, tags: { type: Set, schema: [String] } }).getAttributeType("tags")).toBe(
      "SS",
    );
  });

  it("getAttributeType takes a list index written as a document path writes it", () => {
    const schema = new Schema({
      id: String,
      o: { type: Object, schema: { q: { type: Array, schema: [{ type: Object, schema: { z: Number } }] } } },
    });
    expect(schema.getAttributeType("o.q[1].z")).toBe("N");
    expect(schema.getAttributeType("o.q.1.z")).toBe("N");
    expect(schema.getAttributeType("o.q[0]")).toBe("M");
  });

  it("refuses type.THIS as a key, and a reference to a model with a range key as a key (they overflowed the stack, or failed every request)", () => {
    expect(() => new Schema({ id: { type: dynamodel.type.THIS, hashKey: true }, v: String })).toThrow(
      new InvalidParameter(
        'Key attribute "id" cannot be type.THIS: the key of an item would be its own key. Give it a string, number or binary type.',
      ),
    );
    expect(() => new Schema({ id: dynamodel.type.THIS, v: String })).toThrow(
      /Key attribute "id" cannot be type.THIS/,
    );
    expect(() => new Schema({ id: String, parent: { type: dynamodel.type.THIS, rangeKey: true } })).toThrow(
      /Key attribute "parent" cannot be type.THIS/,
    );
    const Ranged = dynamodel.model(
      "KeyReferenceRanged",
      new Schema({ id: String, at: { type: Number, rangeKey: true } }),
      { create: false },
    );
    expect(() => new Schema({ id: String, r: { type: Ranged, rangeKey: true } })).toThrow(
      new InvalidParameter(
        'Key attribute "r" references a model with a range key, whose key is a map: a key must be a string, number or binary.',
      ),
    );
  });

  it("getAttributeType of a type.THIS attribute answers before model(), from the schema's own keys, as Dynamoose does", () => {
    const byId = new Schema({ id: Number, parent: dynamodel.type.THIS });
    expect(byId.getAttributeType("parent")).toBe("N");
    const byIdAndAt = new Schema({
      id: String,
      at: { type: Number, rangeKey: true },
      parent: dynamodel.type.THIS,
    });
    expect(byIdAndAt.getAttributeType("parent")).toBe("M");
    dynamodel.model("GetAttributeTypeThis", byId, { create: false });
    expect(byId.getAttributeType("parent")).toBe("N");
  });

  it("refuses an index name that is not a string", () => {
    expect(() => new Schema({ id: String, age: { type: Number, index: { name: 5 as never } } })).toThrow(
      new InvalidParameter('Index on "age": name must be a string (got 5).'),
    );
  });

  it("throws MissingSchemaError for an unregistered model name", () => {
    expect(() => dynamodel.model("NeverDefined")).toThrow(
      expect.objectContaining({
        name: "MissingSchemaError",
        message: 'Schema hasn\'t been registered for model "NeverDefined".',
      }),
    );
  });
});

describe("Schema members", () => {
  const schema = new Schema({
    id: String,
    sort: { type: Number, rangeKey: true },
    email: { type: String, index: [{ name: "byEmail" }, { type: "local" }] },
    address: { type: Object, schema: { city: String, geo: { type: Object, schema: { lat: Number } } } },
    tags: { type: Set, schema: [String] },
    either: [String, Number],
    list: { type: Array, schema: [{ type: Object, schema: { x: Number } }] },
  });

  it("knows its keys and index attributes", () => {
    expect(schema.hashKey).toBe("id");
    expect(schema.rangeKey).toBe("sort");
    expect(schema.indexAttributes).toEqual(["email", "email"]);
  });

  it("lists attribute paths", () => {
    expect(schema.attributes()).toEqual([
      "id",
      "sort",
      "email",
      "address",
      "address.city",
      "address.geo",
      "address.geo.lat",
      "tags",
      "either",
      "list",
      "list.0",
      "list.0.x",
    ]);
  });

  it("lists paths below lists of lists, as getAttributeType knows them (and Dynamoose lists them)", () => {
    const grid = new Schema({
      id: String,
      rows: { type: Array, schema: [{ type: Array, schema: [{ type: Object, schema: { z: String } }] }] },
    });
    expect(grid.attributes()).toEqual(["id", "rows", "rows.0", "rows.0.0", "rows.0.0.z"]);
    expect(grid.getAttributeType("rows.0.0.z")).toBe("S");
  });

  it("lists aliases with includeMaps, and only the paths of the type an item's value has (as Dynamoose does)", () => {
    const mapped = new Schema({
      id: String,
      r: { type: String, aliases: ["x", "y"] },
      n: { type: Object, schema: { deep: { type: String, alias: "d" } } },
      multi: [{ type: Object, schema: { a: String } }, { type: Object, schema: { b: Number } }, String],
    });
    expect(mapped.attributes()).toEqual(["id", "r", "n", "n.deep", "multi", "multi.a", "multi.b"]);
    expect(mapped.attributes(undefined, { includeMaps: true })).toEqual([
      "id",
      "r",
      "x",
      "y",
      "n",
      "n.deep",
      "d",
      "multi",
      "multi.a",
      "multi.b",
    ]);
    expect(mapped.attributes({ multi: { b: 1 } })).toEqual(["id", "r", "n", "n.deep", "multi", "multi.b"]);
    expect(mapped.attributes({ multi: "s" })).toEqual(["id", "r", "n", "n.deep", "multi"]);
    // An item of a model, and values held under an alias, are read as well.
    const aliasedMulti = new Schema({
      id: String,
      multi: [
        { type: Object, schema: { a: String }, alias: "m" },
        { type: Object, schema: { b: Number } },
      ],
    });
    expect(aliasedMulti.attributes({ m: { b: 1 } })).toEqual(["id", "multi", "multi.b"]);
    const Thing = dynamodel.model("AttributePathsThing", aliasedMulti, {
      create: false,
      waitForActive: false,
    });
    expect(aliasedMulti.attributes(new Thing({ id: "x", multi: { b: 1 } }))).toEqual([
      "id",
      "multi",
      "multi.b",
    ]);
    expect(mapped.attributes({ multi: { a: "z" } }, { includeMaps: true })).toEqual([
      "id",
      "r",
      "x",
      "y",
      "n",
      "n.deep",
      "d",
      "multi",
      "multi.a",
    ]);
  });

  it("reports DynamoDB types of paths", () => {
    expect(schema.getAttributeType("address.geo.lat")).toBe("N");
    expect(schema.getAttributeType("tags")).toBe("SS");
    expect(schema.getAttributeType("either")).toEqual(["S", "N"]);
    expect(schema.getAttributeType("list.0.x")).toBe("N");
    expect(() => schema.getAttributeType("nope")).toThrow(UnknownAttribute);
    expect(() => schema.getAttributeType("nope")).toThrow("Invalid Attribute: nope");
  });

  it("accepts type names as case-insensitive strings", () => {
    const named = new Schema({ id: "string", n: "NUMBER", d: "Date", b: "boolean" });
    expect(named.getAttributeType("n")).toBe("N");
    expect(named.getAttributeType("d")).toBe("N");
    expect(named.getAttributeType("b")).toBe("BOOL");
  });
});

describe("Schema construction: what stays allowed", () => {
  it('an index named "" or null, or with project: null, takes the defaults, as in Dynamoose', async () => {
    const Indexed = dynamodel.model(
      "ConstructionDefaultIndexNames",
      {
        id: String,
        age: { type: Number, index: { name: "", type: "local" } },
        city: { type: String, index: { name: null as never, project: null as never } },
      },
      { create: false, initialize: false, throughput: "ON_DEMAND" },
    );
    const request = (await Indexed.table().create({ return: "request" })) as {
      GlobalSecondaryIndexes: { IndexName: string; Projection: unknown }[];
      LocalSecondaryIndexes: { IndexName: string }[];
    };
    expect(request.LocalSecondaryIndexes.map((index) => index.IndexName)).toEqual(["ageLocalIndex"]);
    expect(request.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({ IndexName: "cityGlobalIndex", Projection: { ProjectionType: "ALL" } }),
    ]);
  });

  it("a declared Number version attribute, and a several-typed attribute with no index", () => {
    expect(() => new Schema({ id: String, version: Number }, { version: true })).not.toThrow();
    expect(
      () => new Schema({ id: String, version: { type: Number, index: true } }, { version: true }),
    ).not.toThrow();
    expect(() => new Schema({ id: String, v: [String, Number] })).not.toThrow();
  });
});

describe("an attribute of several types has one set of names: every type's aliases (as Dynamoose)", () => {
  const requestOf = async (schema: Schema, item: Record<string, unknown>) => {
    const Model = dynamodel.model(`SeveralNames${Math.random().toString(36).slice(2)}`, schema, {
      create: false,
    });
    return (await new Model(item).save({ return: "request" })) as { Item: Record<string, unknown> };
  };

  it("takes the aliases of each type, in any order, and one default name given on any of them", async () => {
    const schema = new Schema({
      pk: String,
      v: [
        { type: Number, aliases: ["a", "b"] },
        { type: String, aliases: ["b", "c"], defaultAlias: "c" },
      ],
    });
    expect((await requestOf(schema, { pk: "1", c: "x" })).Item).toEqual({ pk: { S: "1" }, v: { S: "x" } });
    expect((await requestOf(schema, { pk: "1", a: 5 })).Item).toEqual({ pk: { S: "1" }, v: { N: "5" } });
  });

  it("accepts the names repeated on a later type, or given on the first only", () => {
    const repeated = () =>
      new Schema({
        pk: String,
        id: [
          { type: Number, map: ["_id", "userID"], defaultMap: "userID" },
          { type: String, map: ["_id", "userID"], defaultMap: "userID" },
          { type: Boolean, defaultMap: "userID" },
        ],
      });
    const firstOnly = () =>
      new Schema({ pk: String, id: [{ type: Number, alias: "userID" }, { type: String }] });
    expect(repeated).not.toThrow();
    expect(firstOnly).not.toThrow();
  });

  it("still refuses a default name that is none of the attribute's names", () => {
    expect(
      () =>
        new Schema({
          pk: String,
          v: [
            { type: Number, alias: "a" },
            { type: String, defaultMap: "z" },
          ],
        }),
    ).toThrow(
      new InvalidParameter('Attribute "v": defaultMap "z" must be one of its aliases or the attribute name.'),
    );
  });
});
