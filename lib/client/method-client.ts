// Dynamoose calls DynamoDB's named methods (`ddb.getItem(input)`), so its users mock DynamoDB per method:
// `aws.ddb.set({getItem: async () => ({Item: …})})`, or a real client with one method replaced
// (`ddb.getItem = …`, `jest.spyOn(ddb, "getItem")`). dynamodel sends every call as a command through
// `send`, which would bypass such a method. So a client given to `aws.ddb.set()` that holds its own
// named methods (an object of methods, or a client with some replaced) is wrapped: a call whose method
// the caller supplied goes to that method, with the command's input; every other call goes to `send`.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { InvalidParameterType } from "../errors";
import { namedMethods } from "./ddb-view";
import { COMMANDS } from "./operations";
import type { SendingClient, SendOptions } from "./send";

type NamedMethod = (input: object) => unknown;

/**
 * An object of DynamoDB's named methods, the way Dynamoose tests mock the client: each takes the
 * operation's input and returns (or resolves with) its output.
 */
export type NamedMethodClient = {
  [Name in Exclude<keyof DynamoDB, "send" | "destroy" | "config" | "middlewareStack">]?: (
    input: never,
  ) => unknown;
};

/** The named method of each command class dynamodel sends: `GetItemCommand` → `"getItem"`. */
const methodOfCommand = new Map<unknown, string>(
  Object.entries(COMMANDS).map(([operation, Command]) => [
    Command,
    operation[0]!.toLowerCase() + operation.slice(1),
  ]),
);

/** The named methods `client` supplies itself, rather than inheriting them from `DynamoDB.prototype`. */
function suppliedMethods(client: object): Map<string, NamedMethod> {
  const supplied = new Map<string, NamedMethod>();
  for (const name of namedMethods) {
    const method = (client as Record<string, unknown>)[name];
    const inherited = (DynamoDB.prototype as unknown as Record<string, unknown>)[name];
    if (typeof method === "function" && method !== inherited) supplied.set(name, method as NamedMethod);
  }
  return supplied;
}

/**
 * The client to send through: `client` itself when it supplies no named method of its own; otherwise a
 * client whose `send` calls the supplied method for that command (with its input) and `client.send` for
 * the others. Throws `InvalidParameterType` for something that is neither a client nor a set of methods.
 *
 * @example
 * ```ts
 * const mocked = sendingClientOf({ getItem: async () => ({ Item: { id: { N: "1" } } }) });
 * await mocked.send(new GetItemCommand({ TableName: "Cats", Key: { id: { N: "1" } } })); // the mock's answer
 * ```
 */
export function sendingClientOf(client: unknown): SendingClient {
  const isObject = (typeof client === "object" || typeof client === "function") && client !== null;
  const send = isObject ? (client as Partial<SendingClient>).send : undefined;
  const supplied = isObject ? suppliedMethods(client) : new Map<string, NamedMethod>();
  if (typeof send !== "function" && supplied.size === 0) {
    throw new InvalidParameterType(
      "aws.ddb.set() needs a DynamoDB client: an object with a send() method, or with DynamoDB's named " +
        `methods (getItem, putItem …) (got ${describe(client)}).`,
    );
  }
  if (supplied.size === 0) return client as SendingClient;
  return {
    send: async (command: unknown, options?: SendOptions) => {
      const name = methodOfCommand.get((command as object).constructor);
      const method = name === undefined ? undefined : supplied.get(name);
      // A mocked method may answer with nothing (Dynamoose's tests do, for describeTable and others):
      // that is an output with no fields, as Dynamoose reads it, not a crash in whatever reads it.
      if (method !== undefined)
        return (await method.call(client, (command as { input: object }).input)) ?? {};
      if (typeof send === "function")
        return options === undefined ? send.call(client, command) : send.call(client, command, options);
      throw new InvalidParameterType(
        `The client given to aws.ddb.set() has no ${name ?? "send"}() method, which this call needs.`,
      );
    },
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
}
