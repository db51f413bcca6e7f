// What the logger says about a DynamoDB call, as Dynamoose says it: the category names the client
// method (`aws:dynamodb:putItem:request`) and the message is the request or response as
// `JSON.stringify(value, null, 4)`. Messages are built from the call's input and output only (never the
// client or its configuration), an error is reduced to its name, message and status, and a last pass
// masks anything shaped like an AWS key or a signature, so no credential can reach a log line.
import { CREDENTIAL_FIELDS } from "../credential-fields";

export interface CallEvent {
  operation: string;
  input: object;
  table: string;
  model?: string;
  output?: unknown;
  error?: unknown;
  durationMs?: number;
}

/** What a failed call's log event carries instead of the error object (which may hold the request). */
export interface ErrorSummary {
  name: unknown;
  message: unknown;
  httpStatusCode: number | undefined;
}

const SECRETS = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /Credential=[^,\s"]+/g,
  /Signature=[0-9a-f]+/g,
  new RegExp(`("(?:${CREDENTIAL_FIELDS})"\\s*:\\s*)"[^"]*"`, "gi"),
];

/** Masks what looks like a credential; applied to every message. */
export function redact(text: string): string {
  return SECRETS.reduce(
    (result, pattern) =>
      result.replace(pattern, (match, prefix?: string) =>
        typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}"[redacted]"` : "[redacted]",
      ),
    text,
  );
}

const methodNames = new Map<string, string>();

/**
 * The DynamoDB client method of an operation, as in Dynamoose's categories: `PutItem` → `putItem`,
 * `TransactWriteItems` → `transactWriteItems`.
 */
export function methodName(operation: string): string {
  let name = methodNames.get(operation);
  if (name === undefined) {
    name = operation.charAt(0).toLowerCase() + operation.slice(1);
    methodNames.set(operation, name);
  }
  return name;
}

/** Dynamoose's message: the value as 4-space JSON (`"undefined"` for none), with credentials masked. */
export function describeValue(value: unknown): string {
  return value === undefined ? "undefined" : redact(JSON.stringify(value, null, 4));
}

/** A failed call's error as name, message and HTTP status, with credentials masked. */
export function summarizeError(error: unknown): ErrorSummary {
  if (typeof error !== "object" || error === null) {
    return { name: undefined, message: redact(String(error)), httpStatusCode: undefined };
  }
  const { name, message, $metadata } = error as {
    name?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  return {
    name: typeof name === "string" ? redact(name) : name,
    message: typeof message === "string" ? redact(message) : message,
    httpStatusCode: $metadata?.httpStatusCode,
  };
}
