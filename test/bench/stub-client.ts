// A real SDK client whose requests stop at the build step: serialization and the client's own
// middleware (logger, retry setup, …) run exactly as in production, the network does not. Each
// command gets the canned output registered for it, and every call is counted so the benchmark can
// prove each adapter really issued the expected request.
//
// A DocumentClient unmarshalls its output in the deserialize step, which a build-step stub never
// reaches; so for DocumentClient commands (marked by the DDB_MAPPER feature its marshalling sets) the
// stub does that unmarshalling itself, with the options the DocumentClient uses, so those peers pay it.
import { DynamoDB, type GetItemCommandOutput } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Clients } from "./adapters/types";

export interface StubClient extends Clients {
  /** Canned outputs by command name, e.g. "GetItemCommand". */
  outputs: Map<string, unknown>;
  /** Calls seen, by command name. */
  calls: Map<string, number>;
  /** The last input seen, by command name (marshalled: DocumentClients marshall before this step). */
  lastInput: Map<string, unknown>;
}

export const clientConfig = {
  region: "us-east-1",
  credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
};

/** A DocumentClient as the peers use it, on `client`. */
export function documentClientOf(client: DynamoDB): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

type Image = Record<string, unknown>;
type AttributeValue = Parameters<typeof unmarshall>[0];
const documentOptions = { convertWithoutMapWrapper: true };
/** Attribute by attribute, as DocumentClient's processAllKeysInObj does. */
function toNative(image: Image): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const key of Object.keys(image)) item[key] = unmarshall(image[key] as AttributeValue, documentOptions);
  return item;
}

interface SdkContext {
  commandName?: string;
  __aws_sdk_context?: { features?: Record<string, string> };
}

/** What DocumentClient's DocumentUnmarshall does to the outputs the bench uses. */
function unmarshallDocumentOutput(output: Record<string, unknown>): Record<string, unknown> {
  const result = { ...output };
  for (const key of ["Item", "Attributes", "LastEvaluatedKey"])
    if (result[key] !== undefined) result[key] = toNative(result[key] as Image);
  if (Array.isArray(result.Items)) result.Items = (result.Items as Image[]).map(toNative);
  return result;
}

export function createStubClient(canned: Record<string, object> = {}): StubClient {
  const client = new DynamoDB({ ...clientConfig, endpoint: "http://127.0.0.1:1" });
  const outputs = new Map<string, unknown>(Object.entries(canned));
  const calls = new Map<string, number>();
  const lastInput = new Map<string, unknown>();
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      calls.set(name, (calls.get(name) ?? 0) + 1);
      lastInput.set(name, (args as { input?: unknown }).input);
      if (!outputs.has(name)) throw new Error(`No canned output for ${name}`);
      const canned = { $metadata: {}, ...(outputs.get(name) as Record<string, unknown>) };
      const document = (context as SdkContext).__aws_sdk_context?.features?.DDB_MAPPER !== undefined;
      // Typed as one output shape: the middleware stack types outputs as a union of every command's.
      const output = (document ? unmarshallDocumentOutput(canned) : canned) as GetItemCommandOutput;
      return { output, response: {} };
    },
    { step: "build", name: "benchShortCircuit", priority: "low" },
  );
  return { client, document: documentClientOf(client), outputs, calls, lastInput };
}
