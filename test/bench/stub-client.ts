// A real SDK client whose requests stop at the build step: serialization and the client's own
// middleware (logger, retry setup, …) run exactly as in production, the network does not. Each
// command gets the canned output registered for it, and every call is counted so the benchmark can
// prove each adapter really issued the expected request.
import { DynamoDB } from "@aws-sdk/client-dynamodb";

export interface StubClient {
  client: DynamoDB;
  /** Canned outputs by command name, e.g. "GetItemCommand". */
  outputs: Map<string, unknown>;
  /** Calls seen, by command name. */
  calls: Map<string, number>;
  /** The last input seen, by command name. */
  lastInput: Map<string, unknown>;
}

export function createStubClient(): StubClient {
  const client = new DynamoDB({
    region: "us-east-1",
    endpoint: "http://127.0.0.1:1",
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  });
  const outputs = new Map<string, unknown>();
  const calls = new Map<string, number>();
  const lastInput = new Map<string, unknown>();
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      calls.set(name, (calls.get(name) ?? 0) + 1);
      lastInput.set(name, (args as { input?: unknown }).input);
      if (!outputs.has(name)) throw new Error(`No canned output for ${name}`);
      return { output: { $metadata: {}, ...(outputs.get(name) as object) }, response: {} };
    },
    { step: "build", name: "benchShortCircuit", priority: "low" },
  );
  return { client, outputs, calls, lastInput };
}
