// Dynamoose-style client mocks (SPEC §1 beyond `send`): an object of DynamoDB's named methods, or a real
// client with some methods replaced, answers the calls whose methods it supplies; the rest are sent.
import {
  DynamoDB,
  DynamoDBClient,
  type GetItemCommandInput,
  type PutItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocument } from "@aws-sdk/lib-dynamodb";
import dynamodel, { Instance, InvalidParameterType } from "dynamodel";
import { rawClient, testEndpoint, uniqueTableName } from "../support/local";

async function createTable(tableName: string): Promise<void> {
  await rawClient().createTable({
    TableName: tableName,
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "N" }],
    BillingMode: "PAY_PER_REQUEST",
  });
}

const stored = async (tableName: string, id: number) =>
  (await rawClient().getItem({ TableName: tableName, Key: { id: { N: String(id) } } })).Item;

describe("aws.ddb.set() with named methods", () => {
  it("an object of methods answers the model's calls, through the same pipeline", async () => {
    const instance = new Instance();
    const inputs: GetItemCommandInput[] = [];
    const mock = {
      getItem: async (input: GetItemCommandInput) => {
        inputs.push(input);
        return { Item: { id: { N: "1" }, name: { S: "Mocked" }, age: { N: "3" } } };
      },
    };
    instance.aws.ddb.set(mock);
    expect(instance.aws.ddb()).toBe(mock);
    const seen: string[] = [];
    instance.events.on("request", (event: { operation: string }) => seen.push(event.operation));
    const User = dynamodel.model("MockedUser", { id: Number, name: String, age: Number });
    new instance.Table("MockedUsers", [User], { create: false, waitForActive: false });

    const user = await User.get(1);
    expect(user?.toJSON()).toEqual({ id: 1, name: "Mocked", age: 3 });
    expect(inputs).toEqual([{ TableName: "MockedUsers", Key: { id: { N: "1" } } }]);
    expect(seen).toEqual(["GetItem"]);

    // A call whose method the object lacks fails clearly, and nothing else is tried.
    await expect(User.create({ id: 2, name: "Ann", age: 4 })).rejects.toThrow(InvalidParameterType);
    await expect(User.create({ id: 2, name: "Ann", age: 4 })).rejects.toThrow(
      "The client given to aws.ddb.set() has no putItem() method, which this call needs.",
    );
  });

  it("a real client with one method replaced: that method answers, the others reach DynamoDB", async () => {
    const tableName = uniqueTableName("mockedMethod");
    await createTable(tableName);
    const client = new DynamoDB({
      endpoint: testEndpoint(),
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const puts: PutItemCommandInput[] = [];
    client.getItem = (async () => ({
      Item: { id: { N: "9" }, name: { S: "from the mock" } },
      $metadata: {},
    })) as unknown as DynamoDB["getItem"];
    const instance = new Instance();
    instance.aws.ddb.set(client);
    expect(instance.aws.ddb()).toBe(client);
    instance.use(async (call, next) => {
      if (call.operation === "PutItem") puts.push(call.input as PutItemCommandInput);
      return next();
    });
    const Pet = dynamodel.model("MockedMethodPet", { id: Number, name: String });
    new instance.Table(tableName, [Pet], { create: false, waitForActive: false });

    await Pet.create({ id: 1, name: "Rex" });
    expect(puts).toHaveLength(1);
    expect(await stored(tableName, 1)).toEqual({ id: { N: "1" }, name: { S: "Rex" } });
    expect((await Pet.get(1))?.toJSON()).toEqual({ id: 9, name: "from the mock" });

    // revert() forgets the mock along with the client.
    instance.aws.ddb.revert();
    instance.aws.ddb.set(rawClient());
    expect((await Pet.get(1))?.toJSON()).toEqual({ id: 1, name: "Rex" });
  });

  it("a real client with one method replaced still gets the table setup's abort signal on the calls it sends", async () => {
    const client = new DynamoDB({
      endpoint: testEndpoint(),
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const send = client.send.bind(client) as (command: unknown, options?: object) => Promise<unknown>;
    const sent: [string, unknown][] = [];
    client.send = ((command: object, options?: object) => {
      sent.push([command.constructor.name, options]);
      return send(command, options);
    }) as unknown as DynamoDB["send"];
    client.getItem = (async () => ({ $metadata: {} })) as unknown as DynamoDB["getItem"];
    const instance = new Instance();
    instance.aws.ddb.set(client);
    const Pet = dynamodel.model("SignalledPet", { id: Number, name: String });
    const tableName = uniqueTableName("signalled");
    new instance.Table(tableName, [Pet]);

    await Pet.create({ id: 1, name: "Rex" });
    // The setup's calls carry a signal its deadline aborts; a model's request is sent as it always was.
    const setupCalls = sent.filter(([name]) => name !== "PutItemCommand");
    expect(setupCalls.map(([name]) => name)).toEqual(
      expect.arrayContaining(["DescribeTableCommand", "CreateTableCommand"]),
    );
    for (const [, options] of setupCalls) expect(options).toEqual({ abortSignal: expect.any(AbortSignal) });
    expect(sent.filter(([name]) => name === "PutItemCommand")).toEqual([["PutItemCommand", undefined]]);
    expect(await stored(tableName, 1)).toEqual({ id: { N: "1" }, name: { S: "Rex" } });
  });

  it("a method replaced after set(), or spied on, answers from then on; put back, the call reaches DynamoDB", async () => {
    const tableName = uniqueTableName("laterMock");
    await createTable(tableName);
    const client = new DynamoDB({
      endpoint: testEndpoint(),
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const instance = new Instance();
    instance.aws.ddb.set(client);
    const Pet = dynamodel.model("LaterMockPet", { id: Number, name: String });
    new instance.Table(tableName, [Pet], { create: false, waitForActive: false });
    await Pet.create({ id: 1, name: "Rex" });

    client.getItem = (async () => ({
      Item: { id: { N: "1" }, name: { S: "replaced" } },
      $metadata: {},
    })) as unknown as DynamoDB["getItem"];
    expect((await Pet.get(1))?.toJSON()).toEqual({ id: 1, name: "replaced" });
    delete (client as unknown as Record<string, unknown>)["getItem"];
    expect((await Pet.get(1))?.toJSON()).toEqual({ id: 1, name: "Rex" });

    const spy = jest.spyOn(instance.aws.ddb(), "putItem");
    spy.mockImplementation((async () => ({ $metadata: {} })) as never);
    await Pet.create({ id: 2, name: "Spied" });
    expect(spy).toHaveBeenCalledWith(
      expect.objectContaining({ TableName: tableName, Item: { id: { N: "2" }, name: { S: "Spied" } } }),
    );
    expect(await stored(tableName, 2)).toBeUndefined();
    spy.mockRestore();
    await Pet.create({ id: 2, name: "Stored" });
    expect(await stored(tableName, 2)).toEqual({ id: { N: "2" }, name: { S: "Stored" } });
  });

  it("a spy on the default client answers without set(); a method added to an object of methods is used", async () => {
    const instance = new Instance();
    const spy = jest
      .spyOn(instance.aws.ddb(), "getItem")
      .mockImplementation((async () => ({ Item: { id: { N: "7" }, name: { S: "spied" } } })) as never);
    const Pet = dynamodel.model("DefaultSpyPet", { id: Number, name: String });
    new instance.Table("DefaultSpyPets", [Pet], { create: false, waitForActive: false });
    expect((await Pet.get(7))?.toJSON()).toEqual({ id: 7, name: "spied" });
    expect(spy).toHaveBeenCalledWith({ TableName: "DefaultSpyPets", Key: { id: { N: "7" } } });

    const mock: Record<string, (input: object) => Promise<object>> = { getItem: async () => ({}) };
    instance.aws.ddb.set(mock);
    const puts: object[] = [];
    mock["putItem"] = async (input) => (puts.push(input), {});
    await Pet.create({ id: 8, name: "added later" });
    expect(puts).toEqual([expect.objectContaining({ Item: { id: { N: "8" }, name: { S: "added later" } } })]);
  });

  it("a subclass's or a mock class's own method answers; another copy of the SDK's methods do not", async () => {
    class Overriding extends DynamoDB {
      override async getItem() {
        return { Item: { id: { N: "1" }, name: { S: "from the override" } }, $metadata: {} };
      }
    }
    class MockClient {
      async send(command: object): Promise<never> {
        throw new Error(`send called for ${command.constructor.name}`);
      }
      async getItem() {
        return { Item: { id: { N: "1" }, name: { S: "from the mock class" } } };
      }
    }
    const Pet = dynamodel.model("ClassMockPet", { id: Number, name: String });
    const instance = new Instance();
    new instance.Table("ClassMockPets", [Pet], { create: false, waitForActive: false });
    // An endpoint nothing answers on: only the methods may answer.
    instance.aws.ddb.set(
      new Overriding({
        endpoint: "http://127.0.0.1:9",
        region: "local",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        maxAttempts: 1,
      }),
    );
    expect((await Pet.get(1))?.toJSON()).toEqual({ id: 1, name: "from the override" });
    instance.aws.ddb.set(new MockClient() as never);
    expect((await Pet.get(1))?.toJSON()).toEqual({ id: 1, name: "from the mock class" });
  });

  it("a supplied method is called with the input alone, as Dynamoose calls it; a spy on DynamoDB.prototype answers", async () => {
    const calls: unknown[][] = [];
    const instance = new Instance();
    instance.aws.ddb.set({
      describeTable: async (...args: unknown[]) => {
        calls.push(args);
        return { Table: { TableStatus: "ACTIVE", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }] } };
      },
    });
    const Pet = dynamodel.model("SuppliedArgsPet", { id: Number });
    new instance.Table("SuppliedArgsPets", [Pet], {
      create: false,
      waitForActive: { enabled: true, check: { timeout: 1000, frequency: 10 } },
    });
    await Pet.table().initialize();
    expect(calls.length).toBeGreaterThan(0);
    for (const args of calls) expect(args).toEqual([{ TableName: "SuppliedArgsPets" }]);

    const spy = jest
      .spyOn(DynamoDB.prototype, "getItem")
      .mockImplementation((async () => ({ Item: { id: { N: "3" } } })) as never);
    try {
      const other = new Instance();
      other.aws.ddb.set(
        new DynamoDB({
          endpoint: "http://127.0.0.1:9",
          region: "local",
          maxAttempts: 1,
          credentials: { accessKeyId: "l", secretAccessKey: "l" },
        }),
      );
      const Spied = dynamodel.model("PrototypeSpyPet", { id: Number });
      new other.Table("PrototypeSpyPets", [Spied], { create: false, waitForActive: false });
      expect((await Spied.get(3))?.toJSON()).toEqual({ id: 3 });
      expect(spy).toHaveBeenCalledWith({ TableName: "PrototypeSpyPets", Key: { id: { N: "3" } } });
    } finally {
      spy.mockRestore();
    }
  });

  it("a stub on a bare DynamoDBClient's send or methods, put there after set(), answers; a mock class named DynamoDB answers", async () => {
    const bare = new DynamoDBClient({
      endpoint: "http://127.0.0.1:9",
      region: "local",
      maxAttempts: 1,
      credentials: { accessKeyId: "l", secretAccessKey: "l" },
    });
    const instance = new Instance();
    instance.aws.ddb.set(bare);
    const Pet = dynamodel.model("BareStubPet", { id: Number, name: String });
    new instance.Table("BareStubPets", [Pet], { create: false, waitForActive: false });
    const stub = jest
      .spyOn(bare, "send")
      .mockImplementation((async () => ({ Item: { id: { N: "4" }, name: { S: "stubbed" } } })) as never);
    expect((await Pet.get(4))?.toJSON()).toEqual({ id: 4, name: "stubbed" });
    expect(stub).toHaveBeenCalledTimes(1);
    stub.mockRestore();

    // Returned as it was given: a named method the test puts on the client itself answers (as a mock of
    // Dynamoose's calls would); taken off again, the call goes to send.
    const client = instance.aws.ddb() as unknown as Record<string, unknown>;
    expect(client).toBe(bare);
    client["getItem"] = async () => ({ Item: { id: { N: "4" }, name: { S: "put on the client" } } });
    expect((await Pet.get(4))?.toJSON()).toEqual({ id: 4, name: "put on the client" });
    delete client["getItem"];
    await expect(Pet.get(4)).rejects.toThrow(); // nothing answers on port 9

    // A hand-written mock that happens to be named as the SDK's class is still a mock.
    class DynamoDB extends DynamoDBClient {
      async getItem() {
        return { Item: { id: { N: "5" }, name: { S: "named like the SDK" } } };
      }
    }
    instance.aws.ddb.set(new DynamoDB({ endpoint: "http://127.0.0.1:9", region: "local", maxAttempts: 1 }));
    expect((await Pet.get(5))?.toJSON()).toEqual({ id: 5, name: "named like the SDK" });
  });

  it("refuses a DynamoDBDocument, whose methods take plain values, and keeps the client it had", () => {
    const instance = new Instance();
    instance.aws.ddb.set(rawClient());
    expect(() => instance.aws.ddb.set(DynamoDBDocument.from(rawClient()) as never)).toThrow(
      "aws.ddb.set() needs a DynamoDB client, not a DynamoDBDocument",
    );
    // A subclass of it is refused too.
    class OwnDocument extends DynamoDBDocument {}
    const own = Object.setPrototypeOf(DynamoDBDocument.from(rawClient()), OwnDocument.prototype) as object;
    expect(() => instance.aws.ddb.set(own as never)).toThrow("not a DynamoDBDocument");
    expect(instance.aws.ddb()).toBe(rawClient());
  });

  it("refuses what is neither a client nor a set of methods, and keeps the client it had", async () => {
    const instance = new Instance();
    instance.aws.ddb.set(rawClient());
    for (const bad of [null, undefined, 5, "client", {}, { getItem: "not a function" }]) {
      expect(() => instance.aws.ddb.set(bad as never)).toThrow(InvalidParameterType);
    }
    expect(() => instance.aws.ddb.set({ notAMethod: () => 1 } as never)).toThrow(
      "aws.ddb.set() needs a DynamoDB client: an object with a send() method, or with DynamoDB's named " +
        "methods (getItem, putItem …) (got an object with keys notAMethod).",
    );
    expect(instance.aws.ddb()).toBe(rawClient());
  });

  it("a method that answers with nothing gives an empty output: a describeTable mock so means a missing table", async () => {
    // Dynamoose's own table tests mock describeTable this way; its setup then creates the table.
    const instance = new Instance();
    const calls: string[] = [];
    instance.aws.ddb.set({
      describeTable: async () => void calls.push("describeTable"),
      createTable: async () => void calls.push("createTable"),
    });
    const Cat = dynamodel.model("NothingAnswered", { id: String });
    const table = new instance.Table("NothingAnswered", [Cat], { waitForActive: false, initialize: false });
    await expect(table.initialize()).resolves.toBeUndefined();
    expect(calls).toEqual(["describeTable", "createTable"]);
  });

  it("a mock rejecting with a plain {name, message} object is read by its name (tagging on DynamoDB Local)", async () => {
    const instance = new Instance();
    const calls: string[] = [];
    instance.aws.ddb.set({
      describeTable: async () => ({
        Table: {
          TableStatus: "ACTIVE",
          TableArn: "arn:aws:dynamodb:local:000000000000:table/PlainRejections",
          KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
        },
      }),
      listTagsOfResource: () => {
        calls.push("listTagsOfResource");
        return Promise.reject({
          name: "UnknownOperationException",
          message: "Tagging is not currently supported in DynamoDB Local.",
        });
      },
    });
    const Cat = dynamodel.model("PlainRejections", { id: String });
    const table = new instance.Table("PlainRejections", [Cat], {
      create: false,
      update: ["tags"],
      tags: { team: "cats" },
      initialize: false,
    });
    // The tags are skipped (a warn log event), as for an Error of that name; the setup succeeds.
    await expect(table.initialize()).resolves.toBeUndefined();
    expect(calls).toEqual(["listTagsOfResource"]);
  });
});

describe("plain {name, message} rejections, as Dynamoose's own mocks make them", () => {
  /** A real client on DynamoDB Local whose named methods reject once with a plain object, then work. */
  function clientFailingOnce(failures: Partial<Record<"batchWriteItem" | "updateItem", object>>) {
    const client = new DynamoDB({
      endpoint: testEndpoint(),
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const calls: string[] = [];
    for (const [method, failure] of Object.entries(failures) as ["batchWriteItem" | "updateItem", object][]) {
      const real = client[method].bind(client) as (input: unknown) => Promise<unknown>;
      let failed = false;
      (client as unknown as Record<string, unknown>)[method] = (input: unknown) => {
        calls.push(method);
        if (failed) return real(input);
        failed = true;
        return Promise.reject({ ...failure });
      };
    }
    return { client, calls };
  }

  const petModel = (name: string) => dynamodel.model(name, { id: Number, name: String });

  /** A model on its own table, reached through `clientFailingOnce(failures)`. */
  async function petOnFailingClient(
    name: string,
    failures: Parameters<typeof clientFailingOnce>[0],
  ): Promise<{ Pet: ReturnType<typeof petModel>; tableName: string; calls: string[] }> {
    const tableName = uniqueTableName(name);
    await createTable(tableName);
    const { client, calls } = clientFailingOnce(failures);
    const instance = new Instance();
    instance.aws.ddb.set(client);
    const Pet = petModel(name);
    new instance.Table(tableName, [Pet], { create: false, waitForActive: false });
    return { Pet, tableName, calls };
  }

  it("a throttling one is retried by batchPut, and everything is stored", async () => {
    const { Pet, tableName, calls } = await petOnFailingClient("PlainThrottlePet", {
      batchWriteItem: { name: "ThrottlingException", message: "Rate exceeded" },
    });

    await expect(Pet.batchPut([{ id: 1, name: "Rex" }], { baseDelay: 1 })).resolves.toEqual({
      unprocessedItems: [],
    });
    expect(calls).toEqual(["batchWriteItem", "batchWriteItem"]);
    expect(await stored(tableName, 1)).toEqual({ id: { N: "1" }, name: { S: "Rex" } });
  });

  it("a failed condition on a loaded item's save falls back to a full put, as DynamoDB's own error does", async () => {
    const { Pet, tableName, calls } = await petOnFailingClient("PlainConditionPet", {
      updateItem: { name: "ConditionalCheckFailedException", message: "The conditional request failed" },
    });
    await Pet.create({ id: 2, name: "Rex" });

    const pet = (await Pet.get(2))!;
    pet.name = "Max";
    await pet.save();
    // The fallback put, made for an item deleted meanwhile, finds it still there; the update is tried again.
    expect(calls).toEqual(["updateItem", "updateItem"]);
    expect(await stored(tableName, 2)).toEqual({ id: { N: "2" }, name: { S: "Max" } });
  });

  it("a cancelled transaction is a TransactionCanceledError with its reasons; other errors name model and operation", async () => {
    const instance = new Instance();
    instance.aws.ddb.set({
      transactWriteItems: () =>
        Promise.reject({
          name: "TransactionCanceledException",
          message:
            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
          CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed" }],
        }),
      getItem: () => Promise.reject({ name: "ResourceNotFoundException", message: "no such table" }),
    });
    const Pet = dynamodel.model("PlainRejectionPet", { id: Number, name: String });
    new instance.Table("PlainRejectionPets", [Pet], { create: false, waitForActive: false });

    const cancelled = dynamodel.transaction([
      Pet.transaction.create({ id: 1, name: "a" }),
      Pet.transaction.create({ id: 2, name: "b" }),
    ]);
    await expect(cancelled).rejects.toMatchObject({
      name: "TransactionCanceledError",
      reasons: [
        { index: 0, model: "PlainRejectionPet", key: { id: 1 }, code: "None" },
        { index: 1, model: "PlainRejectionPet", key: { id: 2 }, code: "ConditionalCheckFailed" },
      ],
    });
    await expect(Pet.get(1)).rejects.toEqual({
      name: "ResourceNotFoundException",
      message: "no such table",
      model: "PlainRejectionPet",
      operation: "GetItem",
    });
  });
});
