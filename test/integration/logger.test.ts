// The built-in logger (SPEC §9, Dynamoose's logger API), and SPEC §8: credentials never appear in a log
// line, an event or an error.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { inspect } from "node:util";
import dynamodel, { type LogEvent, type LogProvider } from "dynamodel";
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

  it("logs a debug request and response event per DynamoDB call, with the operation in the category", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Logged = dynamodel.model("LoggedModel", { id: String }, { tableName: uniqueTableName("logged") });
    await Logged.table().initialize();
    const { events, provider } = collector();
    (await logger()).providers.add(provider);
    await Logged.create({ id: "a" });
    expect(events.map((event) => [event.level, event.category])).toEqual([
      ["debug", "aws:dynamodb:PutItem:request"],
      ["debug", "aws:dynamodb:PutItem:response"],
    ]);
    expect(events[0]!.payload).toEqual({
      request: expect.objectContaining({ TableName: Logged.table().name }),
    });
    expect(JSON.parse(events[0]!.message)).toMatchObject({ operation: "PutItem", model: "LoggedModel" });
    expect(events[0]).toMatchObject({ id: expect.any(String), timestamp: expect.any(Date), metadata: {} });
  });

  it("filters by level ('warn+', 'info-') and by category (':'-separated, '*' wildcards)", async () => {
    dynamodel.aws.ddb.set(rawClient());
    const Filtered = dynamodel.model(
      "FilteredModel",
      { id: String },
      { tableName: uniqueTableName("filtered") },
    );
    await Filtered.table().initialize();
    const warnUp = collector({ level: "warn+" });
    const infoDown = collector({ level: "info-", category: "aws:dynamodb:*:response" });
    const gets = collector({ category: ["aws:dynamodb:GetItem:*"] });
    const everything = collector({ category: "aws:*" });
    (await logger()).providers.set([warnUp.provider, infoDown.provider, gets.provider, everything.provider]);
    await Filtered.create({ id: "a" });
    await Filtered.get("a");
    expect(warnUp.events).toEqual([]);
    expect(infoDown.events.map((event) => event.category)).toEqual([
      "aws:dynamodb:PutItem:response",
      "aws:dynamodb:GetItem:response",
    ]);
    expect(gets.events.map((event) => event.category)).toEqual([
      "aws:dynamodb:GetItem:request",
      "aws:dynamodb:GetItem:response",
    ]);
    expect(everything.events).toHaveLength(4);
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

  it("accepts console as a provider (message lines)", async () => {
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
      expect(String(spy.mock.calls[0]![0])).toContain('"operation": "GetItem"');
    } finally {
      spy.mockRestore();
    }
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
