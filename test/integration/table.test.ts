import dynamodel, {
  InvalidParameter,
  InvalidParameterType,
  OtherError,
  Schema,
  WaitForActiveTimeout,
  type DynamoCall,
} from "dynamodel";
import { rawClient, tableExists, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));
afterEach(() => dynamodel.Table.defaults.set({}));

const keyed = (extra: Record<string, unknown> = {}) =>
  new Schema({ pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true }, ...extra });

let modelCounter = 0;
const modelName = (base: string) => `${base}${(modelCounter += 1)}`;

describe("new Table(): validation (Dynamoose §8.1)", () => {
  const model = () => dynamodel.model(modelName("V"), keyed());

  it("needs a string name and a non-empty array of models", () => {
    const ctor = dynamodel.Table as unknown as new (...args: unknown[]) => unknown;
    // Dynamoose's messages, so code that matches on them keeps working.
    expect(() => new ctor(undefined, [model()])).toThrow(
      new InvalidParameter("Name must be passed into table constructor."),
    );
    expect(() => new ctor(5, [model()])).toThrow(
      new InvalidParameterType("Name passed into table constructor should be of type string."),
    );
    expect(() => new ctor("t")).toThrow(
      new InvalidParameter("Models must be passed into table constructor."),
    );
    expect(() => new ctor("t", [])).toThrow(
      new InvalidParameterType("Models passed into table constructor should be an array of models."),
    );
    expect(() => new ctor("t", [{}])).toThrow(InvalidParameterType);
    expect(() => new ctor("t", "nope")).toThrow(InvalidParameterType);
    // Called without `new`: the language's error, naming Table as Dynamoose's does.
    const call = dynamodel.Table as unknown as (...args: unknown[]) => unknown;
    expect(() => call("t", [model()])).toThrow("Class constructor Table cannot be invoked without 'new'");
    const instanceCall = new dynamodel.Instance().Table as unknown as (...args: unknown[]) => unknown;
    expect(() => instanceCall("t", [model()])).toThrow(
      "Class constructor Table cannot be invoked without 'new'",
    );
  });

  it("rejects models whose keys differ, and a model already in a table or already used", async () => {
    const other = dynamodel.model(modelName("V"), { id: String });
    expect(() => new dynamodel.Table("t", [model(), other], { initialize: false })).toThrow(/hashKey/);
    const attached = model();
    new dynamodel.Table(uniqueTableName("v"), [attached], { initialize: false });
    expect(() => new dynamodel.Table("t2", [attached], { initialize: false })).toThrow(
      /has already been assigned to a table\./,
    );
    const used = dynamodel.model(modelName("V"), keyed(), { tableName: uniqueTableName("used") });
    await used.get({ pk: "a", sk: "b" });
    expect(() => new dynamodel.Table("t3", [used], { initialize: false })).toThrow(InvalidParameter);
  });

  it("rejects models whose keys, or same-named index keys, have other types, and creates nothing", async () => {
    const name = uniqueTableName("keyTypes");
    const byString = dynamodel.model(modelName("V"), { id: String, a: String });
    const byNumber = dynamodel.model(modelName("V"), { id: Number, b: String });
    expect(() => new dynamodel.Table(name, [byString, byNumber])).toThrow(
      new InvalidParameter(
        'Key attribute "id" must have the same type in every model of the table (found S and N).',
      ),
    );
    const ranged = (type: typeof String | typeof Number) =>
      dynamodel.model(modelName("V"), { pk: String, sk: { type, rangeKey: true } });
    expect(() => new dynamodel.Table(name, [ranged(String), ranged(Number)])).toThrow(/"sk".*S and N/);

    const indexed = (type: typeof String | typeof Number) =>
      dynamodel.model(modelName("V"), { id: String, g: { type, index: { name: "byG" } } });
    const table = new dynamodel.Table(name, [indexed(String), indexed(Number)], { initialize: false });
    await expect(table.create()).rejects.toThrow(/"g".*S and N/);
    expect(await tableExists(name)).toBe(false);
  });

  it("rejects unknown update parts and table classes", () => {
    expect(() => new dynamodel.Table("t", [model()], { update: ["nope" as "ttl"] })).toThrow(
      InvalidParameter,
    );
    expect(() => new dynamodel.Table("t", [model()], { tableClass: "cold" as "standard" })).toThrow(
      InvalidParameter,
    );
  });
});

describe("a table with several models", () => {
  const name = uniqueTableName("pets");
  const key = { pk: { type: String, hashKey: true }, sk: { type: String, rangeKey: true } } as const;
  const Cat = dynamodel.model(modelName("Cat"), { ...key, name: String, lives: Number });
  const Dog = dynamodel.model(modelName("Dog"), { ...key, name: String, breed: String });
  const pets = new dynamodel.Table(name, [Cat, Dog], { entityAttribute: "_type", throughput: "ON_DEMAND" });

  it("has the members of §7 and is what Model.table() returns", () => {
    expect(pets.name).toBe(name);
    expect(pets.hashKey).toBe("pk");
    expect(pets.rangeKey).toBe("sk");
    expect(Cat.table()).toBe(pets);
    expect(Dog.table()).toBe(pets);
    expect(pets).toBeInstanceOf(dynamodel.Table);
  });

  it("writes each model's name and reads every item back as its own model", async () => {
    await Cat.create({ pk: "home", sk: "cat#1", name: "Tom", lives: 9 });
    await Dog.create({ pk: "home", sk: "dog#1", name: "Rex", breed: "collie" });
    const { Items } = await rawClient().scan({ TableName: name });
    expect(Items!.map((item) => item._type!.S).sort()).toEqual([Cat.name, Dog.name]);
    const all = await Cat.query("pk").eq("home").exec();
    expect(all.map((item) => item.constructor)).toEqual([Cat, Dog]);
    const rex = all[1] as unknown as Record<string, unknown>;
    expect(rex.breed).toBe("collie");
    expect(await Dog.get({ pk: "home", sk: "dog#1" })).toBeInstanceOf(Dog);
  });

  it("without an entity attribute, resolves items by the best schema match", async () => {
    const Left = dynamodel.model(modelName("Left"), { ...key, left: String, shared: String });
    const Right = dynamodel.model(modelName("Right"), { ...key, right: String, extra: String });
    new dynamodel.Table(uniqueTableName("match"), [Left, Right], { throughput: "ON_DEMAND" });
    await Right.create({ pk: "p", sk: "r", right: "yes", extra: "x" });
    await Left.create({ pk: "p", sk: "l", left: "yes" });
    const items = await Left.scan().exec();
    expect(items.map((item) => item.constructor).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      Left,
      Right,
    ]);
  });
});

describe("table members", () => {
  it("create({return: 'request'}), create(callback), initialize(), describe(), raw(), delete()", async () => {
    const Row = dynamodel.model(modelName("Row"), keyed());
    const table = new dynamodel.Table(uniqueTableName("members"), [Row], { initialize: false });
    const request = await table.create({ return: "request" });
    expect(request.TableName).toBe(table.name);
    await new Promise<void>((resolve, reject) =>
      table.create((error) => (error ? reject(error) : resolve())),
    );
    await table.initialize();
    expect((await table.describe())?.TableStatus).toBe("ACTIVE");
    await Row.create({ pk: "a", sk: "b" });
    const { Count } = await table.raw<{ Count: number }>("Scan", { TableName: table.name, Select: "COUNT" });
    expect(Count).toBe(1);
    await table.delete();
    const names = await rawClient().listTables({});
    expect(names.TableNames).not.toContain(table.name);
    // initialize() sets the table up again.
    await table.initialize();
    await Row.create({ pk: "c", sk: "d" });
    expect((await table.describe())?.TableStatus).toBe("ACTIVE");
  });

  it("a set-up table is not described again; after delete() the next request sets it up again", async () => {
    const Row = dynamodel.model(modelName("Again"), keyed());
    const name = Row.table().name;
    const operations: string[] = [];
    const stop = dynamodel.use(async (call: DynamoCall, next) => {
      if (call.table === name) operations.push(call.operation);
      return next();
    });
    try {
      await Row.create({ pk: "a", sk: "1" });
      await Row.get({ pk: "a", sk: "1" });
      await dynamodel.transaction([Row.transaction.create({ pk: "a", sk: "2" })]);
      const setup = operations.slice(0, operations.indexOf("PutItem"));
      expect(setup).toContain("CreateTable");
      expect(operations.slice(setup.length)).toEqual(["PutItem", "GetItem", "TransactWriteItems"]);

      await Row.table().delete();
      operations.length = 0;
      await Row.create({ pk: "b", sk: "1" });
      expect(operations).toContain("CreateTable");
      expect(operations.at(-1)).toBe("PutItem");
      const stored = await rawClient().getItem({ TableName: name, Key: { pk: { S: "b" }, sk: { S: "1" } } });
      expect(stored.Item).toEqual({ pk: { S: "b" }, sk: { S: "1" } });
    } finally {
      stop();
    }
  });

  it("after delete(), a table still DELETING (as on AWS) is waited out and created again", async () => {
    // DynamoDB Local deletes at once; AWS answers DeleteTable while the table is DELETING for seconds, and
    // refuses CreateTable until it is gone. A middleware plays AWS for three DescribeTable calls.
    const Row = dynamodel.model(modelName("Deleting"), keyed(), {
      waitForActive: { check: { frequency: 20 } },
    });
    const name = Row.table().name;
    await Row.create({ pk: "a", sk: "1" });
    let deletingFor = 0;
    const operations: string[] = [];
    const stop = dynamodel.use(async (call: DynamoCall, next) => {
      if (call.table !== name) return next();
      operations.push(call.operation);
      if (call.operation === "DeleteTable") {
        const output = await next();
        deletingFor = 3;
        return output;
      }
      if (call.operation === "DescribeTable" && deletingFor > 0) {
        deletingFor -= 1;
        return { Table: { TableName: name, TableStatus: "DELETING" } };
      }
      return next();
    });
    try {
      await Row.table().delete();
      operations.length = 0;
      await Promise.all([Row.create({ pk: "b", sk: "1" }), Row.create({ pk: "b", sk: "2" })]);
      expect(operations.filter((operation) => operation === "DescribeTable").length).toBeGreaterThan(3);
      expect(operations.filter((operation) => operation === "CreateTable")).toEqual(["CreateTable"]);
      const scanned = await rawClient().scan({ TableName: name });
      expect(scanned.Items?.map((item) => item.sk?.S).sort()).toEqual(["1", "2"]);
    } finally {
      stop();
    }
  });

  it("a table that stays DELETING longer than waitForActive's timeout fails the setup with WaitForActiveTimeout", async () => {
    const Row = dynamodel.model(modelName("StuckDeleting"), keyed(), {
      waitForActive: { check: { timeout: 100, frequency: 20 } },
    });
    const name = Row.table().name;
    const stop = dynamodel.use(async (call: DynamoCall, next) =>
      call.table === name && call.operation === "DescribeTable"
        ? { Table: { TableName: name, TableStatus: "DELETING" } }
        : next(),
    );
    try {
      const created = Row.create({ pk: "a", sk: "1" });
      await expect(created).rejects.toThrow(WaitForActiveTimeout);
      await expect(created).rejects.toThrow(
        new RegExp(`^Waiting for table "${name}" to be deleted, to create it again, timed out after \\d+ ms`),
      );
      expect(await tableExists(name)).toBe(false);
    } finally {
      stop();
    }
  });

  it("initialize() while the setup flow runs is an OtherError, as in Dynamoose", async () => {
    const table = new dynamodel.Table(uniqueTableName("running"), [dynamodel.model(modelName("R"), keyed())]);
    const first = table.initialize();
    await expect(table.initialize()).rejects.toThrow(OtherError);
    await first;
  });

  it("backup() and describeBackup() send the exact requests (DynamoDB Local has no backups)", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const calls: DynamoCall[] = [];
    instance.use(async (call, next) => {
      calls.push(call);
      if (call.operation === "CreateBackup")
        return { BackupDetails: { BackupArn: "arn:backup", BackupName: "b1" } };
      if (call.operation === "DescribeBackup")
        return { BackupDescription: { BackupDetails: { BackupArn: "arn:backup" } } };
      return next();
    });
    const table = new instance.Table(uniqueTableName("backup"), [dynamodel.model(modelName("B"), keyed())], {
      initialize: false,
    });
    expect(await table.backup("b1")).toEqual({ BackupArn: "arn:backup", BackupName: "b1" });
    expect(await table.describeBackup("arn:backup")).toEqual({ BackupDetails: { BackupArn: "arn:backup" } });
    expect(calls.map(({ operation, input }) => ({ operation, input }))).toEqual([
      { operation: "CreateBackup", input: { TableName: table.name, BackupName: "b1" } },
      { operation: "DescribeBackup", input: { BackupArn: "arn:backup" } },
    ]);
    // Against DynamoDB Local itself the operation does not exist.
    const direct = new dynamodel.Table(
      uniqueTableName("nobackup"),
      [dynamodel.model(modelName("B"), keyed())],
      {
        initialize: false,
      },
    );
    await expect(direct.backup("b2")).rejects.toMatchObject({ name: "UnknownOperationException" });
  });
});

describe("Table.defaults", () => {
  it("merge deeply under constructor options, and go back to the built-in ones with set({})", async () => {
    dynamodel.Table.defaults.set({ prefix: "dflt_", waitForActive: { check: { timeout: 5000 } } });
    expect(dynamodel.Table.defaults.get()).toEqual({
      prefix: "dflt_",
      waitForActive: { check: { timeout: 5000 } },
    });
    const table = new dynamodel.Table("x", [dynamodel.model(modelName("D"), keyed())], {
      suffix: "_sfx",
      initialize: false,
    });
    expect(table.name).toBe("dflt_x_sfx");
    const overridden = new dynamodel.Table("x", [dynamodel.model(modelName("D"), keyed())], {
      prefix: "own_",
      initialize: false,
    });
    expect(overridden.name).toBe("own_x");
    dynamodel.Table.defaults.set({});
    expect(dynamodel.Table.defaults.get()).toEqual({});
  });

  it("are scoped to their Instance, and apply to implicit tables too", () => {
    const other = new dynamodel.Instance();
    other.Table.defaults.set({ prefix: "other_" });
    const table = new dynamodel.Table("y", [dynamodel.model(modelName("S"), keyed())], { initialize: false });
    expect(table.name).toBe("y");
    dynamodel.Table.defaults.set({ prefix: "p_" });
    const Implicit = dynamodel.model(modelName("Imp"), keyed(), { tableName: "implicit", initialize: false });
    expect(Implicit.table().name).toBe("p_implicit");
  });

  it("set after model() but before the model's first use still apply to its table, as in Dynamoose", async () => {
    // Models defined in an imported module run before the entry file sets its defaults.
    const base = uniqueTableName("late-defaults");
    const Late = dynamodel.model(modelName("Late"), keyed(), { tableName: base });
    dynamodel.Table.defaults.set({ prefix: "stage_", throughput: "ON_DEMAND" });
    await Late.create({ pk: "a", sk: "b" });
    expect(Late.table().name).toBe(`stage_${base}`);
    const { Table } = await rawClient().describeTable({ TableName: `stage_${base}` });
    expect(Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    const { Item } = await rawClient().getItem({
      TableName: `stage_${base}`,
      Key: { pk: { S: "a" }, sk: { S: "b" } },
    });
    expect(Item).toEqual({ pk: { S: "a" }, sk: { S: "b" } });
    expect(await tableExists(base)).toBe(false);

    // Once used, the table keeps what it was made with.
    dynamodel.Table.defaults.set({ prefix: "later_" });
    expect(Late.table().name).toBe(`stage_${base}`);
    await expect(Late.get({ pk: "a", sk: "b" })).resolves.toMatchObject({ pk: "a", sk: "b" });
  });

  it("models sharing a tableName share one table even when the defaults change between their first uses", () => {
    const base = uniqueTableName("late-shared");
    const First = dynamodel.model(modelName("LateA"), keyed(), { tableName: base, initialize: false });
    const Second = dynamodel.model(modelName("LateB"), keyed(), { tableName: base, initialize: false });
    const KeysRead = dynamodel.model(modelName("LateK"), keyed(), {
      tableName: `${base}k`,
      initialize: false,
    });
    // Reading a model's keys does not fix its table settings.
    expect(KeysRead.Model.getHashKey()).toBe("pk");
    expect(First.table().name).toBe(base);
    dynamodel.Table.defaults.set({ prefix: "stage_" });
    expect(KeysRead.table().name).toBe(`stage_${base}k`);
    expect(Second.table().name).toBe(base);
    expect(Second.table()).toBe(First.table());
    // A model of another tableName, or with its own prefix, takes the defaults as they now are.
    const Other = dynamodel.model(modelName("LateC"), keyed(), { tableName: `${base}x`, initialize: false });
    expect(Other.table().name).toBe(`stage_${base}x`);
    const Own = dynamodel.model(modelName("LateD"), keyed(), {
      tableName: base,
      prefix: "own_",
      initialize: false,
    });
    expect(Own.table().name).toBe(`own_${base}`);
    // A model defined again under its name, alone in its table, starts afresh with the defaults as they are.
    const alone = modelName("LateE");
    expect(dynamodel.model(alone, keyed(), { initialize: false }).table().name).toBe(`stage_${alone}`);
    dynamodel.Table.defaults.set({ prefix: "next_" });
    expect(dynamodel.model(alone, keyed(), { initialize: false }).table().name).toBe(`next_${alone}`);
  });

  it("options given to model() are still checked when model() is called", () => {
    expect(() => dynamodel.model(modelName("Bad"), keyed(), { throughput: "lots" as never })).toThrow(
      dynamodel.InvalidParameter,
    );
  });
});

describe("listTables", () => {
  it("pages through table names with limit and startAt", async () => {
    const local = await rawClient().listTables({});
    const all = local.TableNames!;
    expect(all.length).toBeGreaterThan(2);
    const first = await dynamodel.listTables({ limit: 2 });
    expect([...first]).toEqual(all.slice(0, 2));
    expect(first.lastKey).toBe(all[1]);
    const second = await dynamodel.listTables({ limit: 2, startAt: first.lastKey });
    expect([...second]).toEqual(all.slice(2, 4));
    await expect(dynamodel.listTables({ limit: 0 })).rejects.toThrow(InvalidParameter);
  });
});
