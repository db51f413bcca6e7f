// Audit fixes around tables, against DynamoDB Local: unknown table/model options are errors (every
// option Dynamoose v4 has still works), setup failures name the model whose request started the setup,
// and `raw()` with an operation it cannot send is an InvalidParameter naming the accepted ones.
import dynamodel, { InvalidParameter } from "dynamodel";
import { rawClient, tableExists, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));
afterEach(() => dynamodel.Table.defaults.set({}));

describe("unknown options", () => {
  it("new Table(...) rejects one, naming it and the known ones, and creates nothing", async () => {
    const Model = dynamodel.model("AuditOptionsTable", { id: String });
    const name = uniqueTableName("auditoptions");
    expect(() => new dynamodel.Table(name, [Model], { crate: false } as never)).toThrow(InvalidParameter);
    expect(() => new dynamodel.Table(name, [Model], { crate: false } as never)).toThrow(
      /Unknown table option "crate": the known ones are create, update, waitForActive, .*populate/,
    );
    // The model was not attached to the refused table: it can still go into another one.
    const table = new dynamodel.Table(name, [Model], { throughput: "ON_DEMAND" });
    expect(table.name).toBe(name);
  });

  it("model(...) rejects one and names tableName among the known ones", async () => {
    const tableName = uniqueTableName("auditmodeloptions");
    expect(() =>
      dynamodel.model("AuditOptionsModel", { id: String }, { tableName, crate: false } as never),
    ).toThrow(/Unknown model option "crate": the known ones are tableName, create, update, /);
    expect(() =>
      dynamodel.model("AuditOptionsModel", { id: String }, { tableName, crate: false } as never),
    ).toThrow(InvalidParameter);
    await expect(tableExists(tableName)).resolves.toBe(false);
  });

  it("rejects unknown keys inside waitForActive, expires and streamOptions, and in Table.defaults", () => {
    const Model = dynamodel.model("AuditNestedOptions", { id: String });
    const nested = [
      [{ waitForActive: { enable: false } }, /Unknown table option "waitForActive" setting "enable"/],
      [{ waitForActive: { check: { timout: 5 } } }, /"waitForActive.check" setting "timout"/],
      [{ expires: { ttl: 1000, atribute: "x" } }, /"expires" setting "atribute"/],
      [{ expires: { items: { returnExpire: false } } }, /"expires.items" setting "returnExpire"/],
      [{ streamOptions: { enabled: true, kind: "KEYS_ONLY" } }, /"streamOptions" setting "kind"/],
    ] as const;
    for (const [options, message] of nested) {
      expect(() => new dynamodel.Table(uniqueTableName("auditnested"), [Model], options as never)).toThrow(
        message,
      );
    }
    expect(() => dynamodel.Table.defaults.set({ prefx: "p_" } as never)).toThrow(
      /Unknown table option "prefx"/,
    );
    expect(dynamodel.Table.defaults.get()).toEqual({});
  });

  it("accepts every option Dynamoose v4 has, and stores items as usual", async () => {
    const tableName = uniqueTableName("auditdynamooseoptions");
    const Cat = dynamodel.model(
      "AuditDynamooseOptions",
      { id: String, name: String },
      {
        tableName,
        create: true,
        throughput: { read: 2, write: 2 },
        prefix: "",
        suffix: "",
        waitForActive: { enabled: true, check: { timeout: 10_000, frequency: 100 } },
        update: false,
        populate: false,
        expires: { ttl: 60_000, attribute: "ttl", items: { returnExpired: true } },
        tags: { team: "cats" },
        tableClass: "standard",
        initialize: true,
        streamOptions: { enabled: false, type: undefined },
      },
    );
    await Cat.create({ id: "a", name: "Tom" });
    const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "a" } } });
    expect(Item?.name).toEqual({ S: "Tom" });
    expect(Item?.ttl?.N).toMatch(/^\d+$/);
    const Dog = dynamodel.model("AuditPopulateOption", { id: String });
    expect(
      () => new dynamodel.Table(uniqueTableName("auditpopulate"), [Dog], { populate: ["owner"] }),
    ).not.toThrow();
    expect(
      () => new dynamodel.Table(uniqueTableName("auditpopulate"), [Dog], { populate: 3 } as never),
    ).toThrow(/`populate` must be a boolean, a path or an array of paths/);
  });
});

describe("setup failures", () => {
  it("name the model whose request started the setup", async () => {
    const Model = dynamodel.model(
      "AuditMissingTable",
      { id: String },
      {
        tableName: uniqueTableName("auditmissing"),
        create: false,
      },
    );
    const error = await Model.get("a").then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({
      name: "ResourceNotFoundException",
      operation: "DescribeTable",
      model: "AuditMissingTable",
    });
  });

  it("name, in a table of several models, the model of each request (the shared error is not changed)", async () => {
    const First = dynamodel.model("AuditSharedFirst", { id: String });
    const Second = dynamodel.model("AuditSharedSecond", { id: String, kind: String });
    new dynamodel.Table(uniqueTableName("auditshared"), [First, Second], { create: false });
    const failure = (request: Promise<unknown>) =>
      request.then(
        () => undefined,
        (reason: unknown) => reason,
      );
    const [first, second] = await Promise.all([failure(First.get("a")), failure(Second.get("b"))]);
    const later = await failure(Second.get("c"));
    expect(first).toMatchObject({ name: "ResourceNotFoundException", model: "AuditSharedFirst" });
    expect(second).toMatchObject({ name: "ResourceNotFoundException", model: "AuditSharedSecond" });
    expect(later).toMatchObject({ name: "ResourceNotFoundException", model: "AuditSharedSecond" });
    expect(second).toBeInstanceOf(Error);
    expect((second as Error).message).toBe((first as Error).message);
  });
});

describe("Model.table().raw()", () => {
  const Cat = dynamodel.model(
    "AuditRawCat",
    { id: String },
    { tableName: uniqueTableName("auditraw"), throughput: "ON_DEMAND" },
  );

  it.each([
    [
      "FooBar",
      /Unknown DynamoDB operation "FooBar" for raw\(\): use one of GetItem, PutItem, .*DescribeBackup\./,
    ],
    [
      "putItem",
      /Unknown DynamoDB operation "putItem" for raw\(\) \(did you mean "PutItem"\?\): use one of GetItem/,
    ],
    ["constructor", /Unknown DynamoDB operation "constructor"/],
  ])("rejects %s with an InvalidParameter naming the accepted operations", async (operation, message) => {
    const sending = Cat.table().raw(operation as never, { TableName: Cat.table().name });
    await expect(sending).rejects.toThrow(InvalidParameter);
    await expect(Cat.table().raw(operation as never, {})).rejects.toThrow(message);
  });

  it("still sends a known operation", async () => {
    await Cat.create({ id: "a" });
    const output = await Cat.table().raw<{ Count?: number }>("Scan", {
      TableName: Cat.table().name,
      Select: "COUNT",
    });
    expect(output.Count).toBe(1);
  });
});
