// Dynamoose calls DynamoDB's named methods (`ddb.getItem(input)`) on every request, so its users mock
// DynamoDB per method: `aws.ddb.set({getItem: async () => ({Item: …})})`, or the client in use with one
// method replaced (`ddb.getItem = …`, `jest.spyOn(aws.ddb(), "getItem")`), before or after `set()`.
// dynamodel sends every call as a command through `send`, which would bypass such a method. So each call
// looks at the client in use when it is made: a method the caller put there answers its call, with the
// command's input; every other call goes to `send`.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { InvalidParameterType } from "../errors";
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

const sourceOf = (value: unknown): string | undefined =>
  typeof value === "function" ? Function.prototype.toString.call(value) : undefined;

/**
 * The source text of the SDK's command methods (`getItem` …): the SDK makes every one from the same
 * function, which only builds the command and calls `send`. Taken as the most common text among them, so
 * a spy put on one before this module loaded does not stand for them.
 */
const sdkMethodSource: string | undefined = (() => {
  const counts = new Map<string, number>();
  for (const name of methodOfCommand.values()) {
    const source = sourceOf((DynamoDB.prototype as unknown as Record<string, unknown>)[name]);
    if (source !== undefined) counts.set(source, (counts.get(source) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
})();

/** Whether a function is an SDK command method (of this copy of the SDK or another), cached per function. */
const sdkMethods = new WeakMap<object, boolean>();
function isSdkMethod(method: object): boolean {
  let known = sdkMethods.get(method);
  if (known === undefined) {
    known = sourceOf(method) === sdkMethodSource;
    sdkMethods.set(method, known);
  }
  return known;
}

/**
 * The named method `client` supplies for `name` itself, if any: one of an object of methods (which has no
 * `send`), a spy (on the client or on `DynamoDB.prototype`, whenever it was put there), or one of a
 * subclass or mock class. The SDK's own, of any copy, are not: they would only call `send` again.
 */
function suppliedMethod(client: object, name: string): NamedMethod | undefined {
  const method = (client as Record<string, unknown>)[name];
  if (typeof method !== "function") return undefined;
  if (typeof (client as Partial<SendingClient>).send !== "function") return method as NamedMethod;
  return isSdkMethod(method) ? undefined : (method as NamedMethod);
}

/** A `DynamoDBDocument` of lib-dynamodb, or of a subclass of it: told by its class's name. */
function isDocumentClient(client: object): boolean {
  for (let at: object | null = Object.getPrototypeOf(client) as object | null; at !== null;) {
    if ((at as { constructor?: { name?: string } }).constructor?.name === "DynamoDBDocument") return true;
    at = Object.getPrototypeOf(at) as object | null;
  }
  return false;
}

/**
 * Throws `InvalidParameterType` for something that is neither a client (an object with `send`) nor an
 * object of DynamoDB's named methods.
 */
export function checkClient(client: unknown): void {
  const isObject = (typeof client === "object" || typeof client === "function") && client !== null;
  if (isObject && isDocumentClient(client)) {
    // Its named methods take plain JavaScript values, not DynamoDB's AttributeValues, which is what
    // dynamodel (as Dynamoose) sends: a query through it would compare the wrong types.
    throw new InvalidParameterType(
      "aws.ddb.set() needs a DynamoDB client, not a DynamoDBDocument (it takes plain values, not " +
        "AttributeValues): pass the DynamoDB or DynamoDBClient it wraps.",
    );
  }
  if (isObject && typeof (client as Partial<SendingClient>).send === "function") return;
  if (isObject && [...methodOfCommand.values()].some((name) => suppliedMethod(client, name) !== undefined)) {
    return;
  }
  throw new InvalidParameterType(
    "aws.ddb.set() needs a DynamoDB client: an object with a send() method, or with DynamoDB's named " +
      `methods (getItem, putItem …) (got ${describe(client)}).`,
  );
}

/**
 * What the request pipeline sends through for `client` (the object `aws.ddb()` returns): each call goes
 * to the named method the caller supplied for its command at that moment, if any (with the command's
 * input), else to `client.send`.
 *
 * @example
 * ```ts
 * const mocked = sendingClientOf({ getItem: async () => ({ Item: { id: { N: "1" } } }) });
 * await mocked.send(new GetItemCommand({ TableName: "Cats", Key: { id: { N: "1" } } })); // the mock's answer
 * ```
 */
export function sendingClientOf(client: object): SendingClient {
  return {
    send: (command: unknown, options?: SendOptions) => {
      const name = methodOfCommand.get((command as object).constructor);
      const method = name === undefined ? undefined : suppliedMethod(client, name);
      if (method !== undefined) return answerOf(method, client, (command as { input: object }).input);
      const send = (client as Partial<SendingClient>).send;
      if (typeof send === "function")
        return options === undefined ? send.call(client, command) : send.call(client, command, options);
      return Promise.reject(
        new InvalidParameterType(
          `The client given to aws.ddb.set() has no ${name ?? "send"}() method, which this call needs.`,
        ),
      );
    },
  };
}

/**
 * A supplied method's answer. It is called with the input alone, as Dynamoose calls `ddb()[method](input)`
 * (so a mock's `toHaveBeenCalledWith(input)` holds); a spy that calls through thus sends without a setup
 * call's abort signal. One may answer with nothing (Dynamoose's tests do, for describeTable and others):
 * that is an output with no fields, as Dynamoose reads it, not a crash in whatever reads it.
 */
async function answerOf(method: NamedMethod, client: object, input: object): Promise<unknown> {
  return (await method.call(client, input)) ?? {};
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return `an object with keys ${Object.keys(value).slice(0, 5).join(", ") || "(none)"}`;
}
