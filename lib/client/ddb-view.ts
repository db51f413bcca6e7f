// `aws.ddb()` is typed as the SDK's `DynamoDB`, as in Dynamoose, so `ddb().putItem(…)` compiles. But
// `aws.ddb.set()` also takes a bare `DynamoDBClient` (only `send` is used), which lacks `putItem` and the
// other named methods. Rather than type the getter as something it may not be, such a client is given
// those methods: a view over it that inherits everything of the client (config, middleware stack,
// destroy) and adds DynamoDB's named methods, each sending its command through the client's own `send`.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import type { SendingClient } from "./send";

/** DynamoDB's named methods (`putItem`, `query` …): the aggregated client's own prototype members. */
export const namedMethods: readonly string[] = Object.getOwnPropertyNames(DynamoDB.prototype).filter(
  (name) => name !== "constructor",
);
/** The SDK's named methods as this module found them (before a spy put on `DynamoDB.prototype` later). */
const methodsOf: Readonly<Record<string, unknown>> = Object.fromEntries(
  namedMethods.map((name) => [name, (DynamoDB.prototype as unknown as Record<string, unknown>)[name]]),
);

/**
 * `client` itself when it already has every method of `DynamoDB` (a `DynamoDB`, also of another copy of
 * the SDK); otherwise a view of it with the missing ones, which call `client.send`.
 *
 * @example
 * ```ts
 * const bare = new DynamoDBClient({ region: "eu-west-1" });
 * await asDynamoDB(bare).putItem({ TableName: "Cats", Item: { id: { S: "1" } } }); // bare.send(PutItemCommand)
 * ```
 */
export function asDynamoDB(client: SendingClient): DynamoDB {
  if (client instanceof DynamoDB) return client;
  const held = client as unknown as Record<string, unknown>;
  const missing = namedMethods.filter((name) => typeof held[name] !== "function");
  if (missing.length === 0) return client as DynamoDB;
  const view = Object.create(client) as Record<string, unknown>;
  // Plain properties, so every mocking library can replace them (sinon looks for a value, not a getter);
  // the SDK's methods as this module found them, so a spy on DynamoDB.prototype at this moment is not
  // kept after it is restored.
  for (const name of missing) view[name] = methodsOf[name];
  // The named methods call `this.send`: send with the client itself as `this`, so the client's state
  // (its handler cache) stays on the client, not on the view. Looked up on each call: a stub put on the
  // client's `send` later (a spy, aws-sdk-client-mock) answers.
  view.send = (...args: unknown[]) => (client.send as (...args: unknown[]) => unknown).apply(client, args);
  return view as unknown as DynamoDB;
}
