// Log messages for DynamoDB calls. Built from the call's operation, names, input and output only (never
// the client or its configuration), and an error is reduced to its name, message and status, so no
// credential can reach a log line. A last pass masks anything shaped like an AWS key or a signature.
export interface CallEvent {
  operation: string;
  input: object;
  table: string;
  model?: string;
  output?: unknown;
  error?: unknown;
  durationMs?: number;
}

const SECRETS = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /Credential=[^,\s"]+/g,
  /Signature=[0-9a-f]+/g,
  /("(?:secretAccessKey|accessKeyId|sessionToken|authorization)"\s*:\s*)"[^"]*"/gi,
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

const toJson = (value: unknown) =>
  JSON.stringify(
    value,
    (_key, inner: unknown) => (inner instanceof Set ? [...(inner as Set<unknown>)] : inner),
    2,
  );

export function describeCall(call: CallEvent): string {
  return redact(
    toJson({ operation: call.operation, table: call.table, model: call.model, input: call.input }),
  );
}

export function describeResult(call: CallEvent): string {
  if (call.error === undefined) {
    return redact(
      toJson({
        operation: call.operation,
        table: call.table,
        durationMs: call.durationMs,
        output: call.output,
      }),
    );
  }
  const error = call.error as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  return redact(
    toJson({
      operation: call.operation,
      table: call.table,
      error: { name: error.name, message: error.message, httpStatusCode: error.$metadata?.httpStatusCode },
    }),
  );
}
