// dynamodel's own commands skip the SDK logger's filter walk when the logger is the default no-op,
// and log exactly as before when the client has a real logger.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamodel from "dynamodel";

function shortCircuited(client: DynamoDB): { seen: Array<Record<string, unknown> | undefined> } {
  const seen: Array<Record<string, unknown> | undefined> = [];
  client.middlewareStack.add(
    (_next, context) => async () => {
      seen.push(
        (context as { dynamoDbDocumentClientOptions?: Record<string, unknown> })
          .dynamoDbDocumentClientOptions,
      );
      return { output: { $metadata: {}, Item: { id: { S: "a" }, name: { S: "Tom" } } }, response: {} };
    },
    { step: "build", name: "testShortCircuit" },
  );
  return { seen };
}

const credentials = { accessKeyId: "k", secretAccessKey: "s" };

describe("the SDK logger's filter walk", () => {
  it("is skipped for dynamodel's commands when the client logs nothing", async () => {
    const client = new DynamoDB({ region: "us-east-1", credentials });
    const { seen } = shortCircuited(client);
    const Cat = dynamodel.model(
      "LogWalkCat",
      { id: String, name: String },
      { create: false, waitForActive: false },
    );
    dynamodel.aws.ddb.set(client);
    expect((await Cat.get("a"))?.name).toBe("Tom");
    expect(seen[0]?.overrideInputFilterSensitiveLog).toEqual(expect.any(Function));
    expect(seen[0]?.overrideOutputFilterSensitiveLog).toEqual(expect.any(Function));
  });

  it("still happens, and the user's logger sees input and output, when the client has a logger", async () => {
    const logged: unknown[] = [];
    const logger = {
      trace() {},
      debug() {},
      info: (entry: unknown) => logged.push(entry),
      warn() {},
      error() {},
    };
    const client = new DynamoDB({ region: "us-east-1", credentials, logger });
    const { seen } = shortCircuited(client);
    dynamodel.aws.ddb.set(client);
    const Cat = dynamodel.model(
      "LogWalkCat2",
      { id: String, name: String },
      { create: false, waitForActive: false },
    );
    await Cat.get("a");
    expect(seen[0]?.overrideInputFilterSensitiveLog).toBeUndefined();
    expect(logged).toEqual([
      expect.objectContaining({
        commandName: "GetItemCommand",
        input: { TableName: "LogWalkCat2", Key: { id: { S: "a" } } },
        output: { Item: { id: { S: "a" }, name: { S: "Tom" } } },
      }),
    ]);
  });
});
