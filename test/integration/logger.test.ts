// The built-in logger (SPEC §9, Dynamoose's logger API), and SPEC §8: credentials never appear in a log
// line, an event or an error.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { inspect } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import dynamodel, { type LogEvent, type LogProvider } from "dynamodel";
import { registeredEmitterCount } from "../../lib/logger/logger";
import { rawClient, testEndpoint, uniqueTableName } from "../support/local";

const logger = () => dynamodel.logger();
afterEach(async () => {
  (await logger()).providers.clear();
  (await logger()).resume();
});

function collector(filter?: LogProvider["filter"]) {
  const events: LogEvent[] = [];
  const provider: LogProvider = {
    log: (event) => void events.push(event as LogEvent),
    ...(filter ? { filter } : {}),
  };
  return { events, provider };
}

describe("providers", () => {
  it("add, set, delete, clear and list; ids are given when missing", async () => {
    const { providers } = await logger();
    const a = collector().provider;
    const b: LogProvider = { id: "b", log: () => undefined };
    providers.add([a, b]);
    expect(providers.list().map((provider) => provider.id)).toEqual([a.id, "b"]);
    expect(typeof a.id).toBe("string");
    providers.delete("b");
    expect(providers.list()).toEqual([a]);
    providers.set(b);
    expect(providers.list()).toEqual([b]);
    providers.set(null);
    expect(providers.list()).toEqual([]);
    providers.add(b);
    providers.clear();
    expect(providers.list()).toEqual([]);
  });

  it("logs Dynamoose's debug request and response events: client method in the category, JSON message", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Logged = dynamodel.model("LoggedModel", { id: String }, { tableName: uniqueTableName("logged") });
    await Logged.table().initialize();
    const { events, provider } = collector();
    (await logger()).providers.add(provider);
    await Logged.create({ id: "a" });
    expect(events.map((event) => [event.level, event.category])).toEqual([
      ["debug", "aws:dynamodb:putItem:request"],
      ["debug", "aws:dynamodb:putItem:response"],
    ]);
    const [request, response] = events as [LogEvent, LogEvent];
    expect(Object.keys(request)).toEqual([
      "id",
      "timestamp",
      "metadata",
      "level",
      "category",
      "message",
      "payload",
    ]);
    expect(request).toMatchObject({ id: expect.any(String), timestamp: expect.any(Date), metadata: {} });
    const sent = request.payload!.request as { TableName: string; Item: unknown };
    expect(sent).toMatchObject({ TableName: Logged.table().name, Item: { id: { S: "a" } } });
    expect(request.message).toBe(JSON.stringify(sent, null, 4));
    expect(Object.keys(response.payload!)).toEqual(["response"]);
    expect(response.message).toBe(JSON.stringify(response.payload!.response, null, 4));
  });

  it("a string provider filtered on one category gets that call's request as JSON (Dynamoose's example)", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Put = dynamodel.model(
      "LoggedPutModel",
      { id: String },
      { tableName: uniqueTableName("loggedput") },
    );
    await Put.table().initialize();
    const got: string[] = [];
    (await logger()).providers.add({
      type: "string",
      log: (message) => void got.push(message as string),
      filter: { category: "aws:dynamodb:putItem:request" },
    });
    await Put.create({ id: "a" });
    await Put.get("a");
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!)).toEqual({
      TableName: Put.table().name,
      Item: { id: { S: "a" } },
      ConditionExpression: expect.any(String),
      ExpressionAttributeNames: expect.any(Object),
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    });
  });

  it("logs a failed call as aws:dynamodb:<method>:error with the error's name, message and status", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Failing = dynamodel.model(
      "LoggedFailModel",
      { id: String },
      { tableName: uniqueTableName("loggedfail") },
    );
    await Failing.table().initialize();
    await Failing.create({ id: "a" });
    const { events, provider } = collector({ category: "aws:dynamodb:putItem:*" });
    (await logger()).providers.add(provider);
    await expect(Failing.create({ id: "a" })).rejects.toThrow();
    expect(events.map((event) => event.category)).toEqual([
      "aws:dynamodb:putItem:request",
      "aws:dynamodb:putItem:error",
    ]);
    const error = {
      name: "ConditionalCheckFailedException",
      message: expect.any(String),
      httpStatusCode: 400,
    };
    expect(events[1]!.payload).toEqual({ error });
    expect(JSON.parse(events[1]!.message)).toEqual(error);
  });

  it("filters by level ('warn+', 'info-') and by category (':'-separated, '*' and '**' wildcards)", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Filtered = dynamodel.model(
      "FilteredModel",
      { id: String },
      { tableName: uniqueTableName("filtered") },
    );
    await Filtered.table().initialize();
    const warnUp = collector({ level: "warn+" });
    const infoDown = collector({ level: "info-", category: "aws:dynamodb:*:response" });
    const gets = collector({ category: ["aws:dynamodb:getItem:*"] });
    const everything = collector({ category: "aws:**" });
    const tooShort = collector({ category: "aws:*" }); // one segment only, as in Dynamoose
    (await logger()).providers.set([
      warnUp.provider,
      infoDown.provider,
      gets.provider,
      everything.provider,
      tooShort.provider,
    ]);
    await Filtered.create({ id: "a" });
    await Filtered.get("a");
    expect(warnUp.events).toEqual([]);
    expect(infoDown.events.map((event) => event.category)).toEqual([
      "aws:dynamodb:putItem:response",
      "aws:dynamodb:getItem:response",
    ]);
    expect(gets.events.map((event) => event.category)).toEqual([
      "aws:dynamodb:getItem:request",
      "aws:dynamodb:getItem:response",
    ]);
    expect(everything.events).toHaveLength(4);
    expect(tooShort.events).toEqual([]);
  });

  it("takes Dynamoose's wrapped form {provider, filter}, which can be deleted by its id", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Wrapped = dynamodel.model(
      "WrappedModel",
      { id: String },
      { tableName: uniqueTableName("wrapped") },
    );
    await Wrapped.table().initialize();
    const messages: string[] = [];
    const wrapped = {
      id: "wrapped",
      type: "string" as const,
      filter: { category: "aws:dynamodb:getItem:request" },
      provider: { log: (message: LogEvent | string) => void messages.push(message as string) },
    };
    const api = await logger();
    api.providers.set(wrapped);
    // Listed as given, as Dynamoose lists it (not the provider built from it).
    expect(api.providers.list()).toEqual([wrapped]);
    expect(api.providers.list()[0]).toBe(wrapped);
    await Wrapped.create({ id: "w" });
    await Wrapped.get("w");
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]!)).toMatchObject({ Key: { id: { S: "w" } } });
    api.providers.delete("wrapped");
    expect(api.providers.list()).toEqual([]);
    expect(() => api.providers.add({ provider: {} } as never)).toThrow(dynamodel.InvalidParameterType);
  });

  it("pause() and resume(); status()", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Paused = dynamodel.model("PausedModel", { id: String }, { tableName: uniqueTableName("paused") });
    await Paused.table().initialize();
    const { events, provider } = collector();
    const api = await logger();
    api.providers.add(provider);
    api.pause();
    expect(api.status()).toBe("paused");
    await Paused.get("x");
    expect(events).toEqual([]);
    api.resume();
    expect(api.status()).toBe("active");
    await Paused.get("x");
    expect(events).toHaveLength(2);
  });

  it("accepts console as a provider: '<category> - <message>' lines, as Dynamoose prints them", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const spy = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const Consoled = dynamodel.model(
        "ConsoleModel",
        { id: String },
        { tableName: uniqueTableName("console") },
      );
      await Consoled.table().initialize();
      (await logger()).providers.set(console);
      await Consoled.get("x");
      expect(spy).toHaveBeenCalledTimes(2);
      const line = String(spy.mock.calls[0]![0]);
      expect(line.startsWith("aws:dynamodb:getItem:request - {\n")).toBe(true);
      expect(JSON.parse(line.slice(line.indexOf(" - ") + 3))).toMatchObject({
        TableName: Consoled.table().name,
      });
    } finally {
      spy.mockRestore();
    }
  });

  it("a provider changing its event's request or response changes neither what is stored nor what is read", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Edited = dynamodel.model(
      "LogEditedModel",
      { id: String, name: String },
      { tableName: uniqueTableName("logedit") },
    );
    await Edited.table().initialize();
    const categories: string[] = [];
    type Image = Record<string, { S: string }>;
    (await logger()).providers.add({
      log: (event) => {
        const { category, payload } = event as LogEvent;
        categories.push(category);
        const request = payload?.request as { Item?: Image } | undefined;
        const response = payload?.response as { Item?: Image } | undefined;
        if (request?.Item) request.Item.name = { S: "from provider" };
        if (response?.Item) response.Item.name = { S: "from provider" };
      },
    });
    await Edited.create({ id: "a", name: "mine" });
    const got = await Edited.get("a");
    (await logger()).providers.clear();

    expect(categories).toEqual([
      "aws:dynamodb:putItem:request",
      "aws:dynamodb:putItem:response",
      "aws:dynamodb:getItem:request",
      "aws:dynamodb:getItem:response",
    ]);
    expect(got?.name).toBe("mine");
    const { Item } = await rawClient().getItem({
      TableName: Edited.table().name,
      Key: { id: { S: "a" } },
      ConsistentRead: true,
    });
    expect(Item).toEqual({ id: { S: "a" }, name: { S: "mine" } });
  });
});

describe("bad providers and filters", () => {
  it("a filter that is no filter, or names no level, is refused when added; the providers stay as they were", async () => {
    const { providers } = await logger();
    const kept = collector().provider;
    providers.set(kept);
    const bad: [unknown, string][] = [
      [5, "A log provider's filter must be an object with level and/or category (got 5)."],
      [
        { level: "warning" },
        'A log provider\'s filter level must be one of fatal, error, warn, info, debug, trace (optionally with + or -), or a list of them (got "warning").',
      ],
      [{ level: 5 }, "A log provider's filter level must be one of"],
      [{ level: ["warn", "loud"] }, "A log provider's filter level must be one of"],
      [{ level: "warn*" }, "A log provider's filter level must be one of"],
      [{ category: /getItem/ }, "A log provider's filter category must be a string or a list of strings"],
      [{ category: ["aws:**", 1] }, "A log provider's filter category must be a string or a list of strings"],
    ];
    for (const [filter, message] of bad) {
      const provider = { log: () => undefined, filter } as unknown as LogProvider;
      expect(() => providers.add([collector().provider, provider])).toThrow(message);
      expect(() => providers.add({ provider: { log: () => undefined }, filter } as never)).toThrow(message);
      expect(() => providers.set(provider)).toThrow(message);
      expect(providers.list()).toEqual([kept]);
    }
    for (const filter of [{}, { level: "" }, { level: "warn+", category: "aws:**" }, { level: ["info"] }]) {
      providers.add({ log: () => undefined, filter });
    }
    expect(providers.list()).toHaveLength(5);
  });

  it("a filter broken after it was added skips only its provider: the others, and request listeners, still hear", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Noted = dynamodel.model(
      "LoggedBrokenFilter",
      { id: String },
      { tableName: uniqueTableName("brokenFilter") },
    );
    await Noted.table().initialize();
    const { providers } = await logger();
    const broken: LogProvider = { log: () => undefined, filter: { level: "debug" } };
    const { events, provider } = collector();
    providers.set([broken, provider]);
    (broken.filter as { level: unknown }).level = 5; // `5.some` would throw inside the filter
    const requests: string[] = [];
    const onRequest = (event: { operation: string }) => void requests.push(event.operation);
    dynamodel.events.on("request", onRequest);
    try {
      await Noted.create({ id: "a" });
    } finally {
      dynamodel.events.off("request", onRequest);
    }
    expect(events.map((event) => event.category)).toEqual([
      "aws:dynamodb:putItem:request",
      "aws:dynamodb:putItem:response",
    ]);
    expect(requests).toEqual(["PutItem"]);
  });

  it("a frozen provider (or a module namespace) is added without writing an id onto it, and logs", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Frozen = dynamodel.model(
      "LoggedFrozen",
      { id: String },
      { tableName: uniqueTableName("frozenLog") },
    );
    await Frozen.table().initialize();
    const { providers } = await logger();
    const seen: string[] = [];
    const frozen = Object.freeze({
      log: (event: LogEvent | string) => void seen.push((event as LogEvent).category),
    });
    const named = Object.freeze({ id: "named", log: () => undefined });
    providers.set([frozen, named]);
    expect(providers.list()).toEqual([frozen, named]);
    await Frozen.create({ id: "a" });
    expect(seen).toEqual(["aws:dynamodb:putItem:request", "aws:dynamodb:putItem:response"]);
    providers.delete("named");
    expect(providers.list()).toEqual([frozen]);
  });
});

describe("Instances", () => {
  it("the logger does not keep a reference per Instance ever made: a process making many stays bounded", async () => {
    // Logging is on from the start: every Instance made below is listened to as it registers.
    const { events, provider } = collector({ category: "aws:dynamodb:getItem:*" });
    (await logger()).providers.add(provider);
    const makeMany = () => {
      for (let count = 0; count < 2000; count += 1) new dynamodel.Instance();
    };
    const collectGarbage = async () => {
      await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold their targets until the job ends
      setFlagsFromString("--expose-gc");
      (runInNewContext("gc") as () => void)();
    };
    const before = registeredEmitterCount();
    for (let round = 0; round < 5; round += 1) {
      makeMany();
      await collectGarbage();
    }
    // Registering sweeps out collected Instances now and then: at most a few thousand are held, not 10,000.
    const kept = new dynamodel.Instance();
    expect(registeredEmitterCount() - before).toBeLessThan(5000);
    // The Instances still alive are still logged.
    kept.aws.ddb.set(rawClient());
    const Kept = dynamodel.model("LoggerSweepKept", { id: String });
    new kept.Table(uniqueTableName("sweep"), [Kept], { throughput: "ON_DEMAND" });
    await Kept.table().initialize();
    await Kept.get("a");
    expect(events.map((event) => event.category)).toEqual([
      "aws:dynamodb:getItem:request",
      "aws:dynamodb:getItem:response",
    ]);
  });
});

describe("credentials never appear", () => {
  const ACCESS_KEY = "AKIAFAKEKEY000000001";
  const SECRET = "fakeSecretNeverToBeSeen/0123456789abcdef";
  const TOKEN = "fakeSessionTokenNeverToBeSeenXYZ";

  it("in anything the logger or the events emit, for successful and failing calls", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(
      new DynamoDB({
        endpoint: testEndpoint(),
        region: "local",
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: TOKEN },
      }),
    );
    const emitted: unknown[] = [];
    const record = (value: unknown) => void emitted.push(value);
    instance.events.on("request", record).on("response", record);
    const logged = collector();
    (await logger()).providers.add([logged.provider, { type: "string", log: record }]);

    const Secretive = dynamodel.model("SecretiveModel", { id: String, n: Number });
    new instance.Table(uniqueTableName("secret"), [Secretive], {
      update: true,
      expires: 1000,
      tags: { a: "b" },
    });
    await Secretive.create({ id: "a", n: 1 });
    await Secretive.get("a");
    await Secretive.scan().exec();
    const failures = await Promise.allSettled([
      Secretive.create({ id: "a", n: 2 }), // ConditionalCheckFailedException
      Secretive.table().raw("GetItem", { TableName: "no_such_table", Key: { id: { S: "a" } } }),
      Secretive.table().backup("b"), // UnknownOperationException
    ]);
    const errors = failures.map((result) => (result as PromiseRejectedResult).reason as unknown);
    expect(errors.every((error) => error instanceof Error)).toBe(true);

    const everything = [...emitted, ...logged.events, ...errors];
    expect(emitted.length).toBeGreaterThan(10);
    const text = everything.map((value) => inspect(value, { depth: Infinity, showHidden: true })).join("\n");
    const json = JSON.stringify(logged.events);
    for (const secret of [ACCESS_KEY, SECRET, TOKEN]) {
      expect(text).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
  });
});
