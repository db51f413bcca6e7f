// The full-SDK layer's client: a real SDK client whose request handler answers every request with a
// canned HTTP response, so serialization, signing, retries and the SDK's JSON deserialization (and a
// DocumentClient's unmarshalling) all run; only the network does not. It records calls and inputs the
// same way the stub client does, so the same verification applies.
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { clientConfig, documentClientOf, type StubClient } from "./stub-client";

interface HttpRequestLike {
  headers: Record<string, string>;
  body?: unknown;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `canned`: outputs by command name (as for the stub), serialized once to JSON response bodies. */
export function createHttpClient(canned: Record<string, object>): StubClient {
  const outputs = new Map<string, unknown>(Object.entries(canned));
  const bodies = new Map<string, Uint8Array>();
  const calls = new Map<string, number>();
  const lastInput = new Map<string, unknown>();
  const requestHandler = {
    async handle(request: HttpRequestLike) {
      const target = request.headers["x-amz-target"] ?? "";
      const name = `${target.slice(target.indexOf(".") + 1)}Command`;
      calls.set(name, (calls.get(name) ?? 0) + 1);
      lastInput.set(
        name,
        JSON.parse(
          typeof request.body === "string" ? request.body : decoder.decode(request.body as Uint8Array),
        ),
      );
      if (!outputs.has(name)) throw new Error(`No canned output for ${name}`);
      let body = bodies.get(name);
      if (!body) bodies.set(name, (body = encoder.encode(JSON.stringify(outputs.get(name)))));
      return {
        response: {
          statusCode: 200,
          reason: "OK",
          headers: {
            "content-type": "application/x-amz-json-1.0",
            "content-length": String(body.byteLength),
            "x-amzn-requestid": "bench",
          },
          body: body.slice(),
        },
      };
    },
  };
  const client = new DynamoDB({ ...clientConfig, endpoint: "http://127.0.0.1:1", requestHandler });
  return { client, document: documentClientOf(client), outputs, calls, lastInput };
}
