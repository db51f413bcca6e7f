// The top-level object's smaller members, as Dynamoose documents them (session 31's audit): the COMBINE
// marker's shape, aws.ddb.local()'s endpoint, Table.defaults.set(null).
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamodel, { Instance, InvalidParameterType } from "dynamodel";

describe("type.COMBINE", () => {
  it("holds a separator only when one is given, as Dynamoose's marker does", () => {
    expect(dynamodel.type.COMBINE(["first", "last"])).toEqual({
      value: "Combine",
      settings: { attributes: ["first", "last"] },
    });
    expect("separator" in dynamodel.type.COMBINE(["a"]).settings).toBe(false);
    expect(dynamodel.type.COMBINE(["first", "last"], " ")).toEqual({
      value: "Combine",
      settings: { attributes: ["first", "last"], separator: " " },
    });
  });
});

describe("aws.ddb.local(endpoint)", () => {
  it("takes an http(s) URL, or none for http://localhost:8000", async () => {
    const instance = new Instance();
    instance.aws.ddb.local();
    expect(await instance.aws.ddb().config.endpoint!()).toMatchObject({ hostname: "localhost", port: 8000 });
    instance.aws.ddb.local(new URL("http://127.0.0.1:8001"));
    expect(await instance.aws.ddb().config.endpoint!()).toMatchObject({ hostname: "127.0.0.1", port: 8001 });
    instance.aws.ddb.local("https://dynamodb.example.test:9000");
    expect(await instance.aws.ddb().config.endpoint!()).toMatchObject({
      hostname: "dynamodb.example.test",
      port: 9000,
      protocol: "https:",
    });
  });

  it.each([[""], [null], ["not a url"], [123], ["ftp://localhost:8000"], [{}]])(
    "refuses %j, naming it, and keeps the client in use",
    (endpoint) => {
      const instance = new Instance();
      const before = new DynamoDB({ endpoint: "http://localhost:8123" });
      instance.aws.ddb.set(before);
      expect(() => instance.aws.ddb.local(endpoint as never)).toThrow(InvalidParameterType);
      expect(() => instance.aws.ddb.local(endpoint as never)).toThrow(
        /^aws\.ddb\.local\(\) needs an http\(s\) URL such as "http:\/\/localhost:8000" \(got .+\)\.$/,
      );
      expect(instance.aws.ddb()).toBe(before);
    },
  );

  it("refuses a client config without showing its credentials (SPEC §8), as other refusals describe one", () => {
    const config = {
      endpoint: "http://localhost:8000",
      credentials: {
        accessKeyId: "AKIAFAKEFAKEFAKEFAKE",
        secretAccessKey: "sEcReT/xyz",
        sessionToken: "tOkEn",
      },
    };
    const refusals = [
      () => new Instance().aws.ddb.local(config as never),
      () => dynamodel.use(config as never),
      () => dynamodel.pool(config as never),
    ];
    for (const refuse of refusals) {
      expect(refuse).toThrow(/"accessKeyId":"\[redacted\]"/);
      expect(refuse).not.toThrow(/AKIAFAKE|sEcReT|tOkEn/);
    }
  });
});

describe("Table.defaults.set(null)", () => {
  it("is no custom defaults, as set({}) is: get() gives {}", () => {
    const instance = new Instance();
    instance.Table.defaults.set({ prefix: "p_" });
    instance.Table.defaults.set(null as never);
    expect(instance.Table.defaults.get()).toEqual({});
    instance.Table.defaults.set({ prefix: "p_" });
    instance.Table.defaults.set(undefined as never);
    expect(instance.Table.defaults.get()).toEqual({});
  });
});

describe("the default export", () => {
  it("holds the package's API and nothing internal (a message helper's credential list leaked through once)", () => {
    expect(Object.keys(dynamodel).sort()).toEqual([
      "Condition",
      "DynamodelError",
      "Instance",
      "InvalidFilterComparison",
      "InvalidParameter",
      "InvalidParameterType",
      "InvalidType",
      "Item",
      "LockError",
      "MissingSchemaError",
      "OtherError",
      "Schema",
      "Table",
      "TransactionCanceledError",
      "TypeMismatch",
      "UnknownAttribute",
      "ValidationError",
      "WaitForActiveTimeout",
      "aws",
      "events",
      "listTables",
      "lock",
      "logger",
      "model",
      "pool",
      "transaction",
      "type",
      "use",
    ]);
  });
});
