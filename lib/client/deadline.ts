// A deadline for the calls that are not a model's item requests: the table's setup flow, its management
// calls (describe, create, delete, backups) and listTables. SPEC §8: nothing waits forever. An endpoint
// that accepts a connection and never answers would otherwise hold such a call (and the process) open
// until the operating system gives up on the socket.
import type { OperationName } from "./operations";
import { OtherError } from "../errors";
import { lastAttemptFailure } from "./retried-attempts";
import { scrubCredentials } from "./scrub";

/** How long one such call may take before it fails (SPEC §8: a failing setup rejects within 3 s). */
export const CALL_DEADLINE_MS = 2500;

/**
 * Starts `call` with an abort signal and fails with an `OtherError` naming `operation` and `target` when it
 * has not answered after the deadline. The SDK's request is aborted then, so it holds no socket open.
 */
export async function withDeadline<Output>(
  operation: OperationName,
  target: string,
  call: (signal: AbortSignal) => Promise<Output>,
): Promise<Output> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(deadlineError(operation, target, lastAttemptFailure(abort.signal)));
      abort.abort();
    }, CALL_DEADLINE_MS);
  });
  const sent = call(abort.signal);
  // The late answer (or the abort's error) of a call that lost the race is dropped on purpose.
  sent.catch(() => undefined);
  try {
    return await Promise.race([sent, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The deadline's error, named like a DynamoDB error that passed through the pipeline (which operation
 * failed). When the endpoint did answer and the SDK was still retrying (a ThrottlingException under a
 * client's high `maxAttempts`), that answer is named, and is the error's `cause`.
 */
function deadlineError(operation: OperationName, target: string, lastFailure: unknown): OtherError {
  const late = `${operation}${target} did not answer within ${CALL_DEADLINE_MS} ms`;
  if (lastFailure === undefined) return Object.assign(new OtherError(`${late}.`), { operation });
  scrubCredentials(lastFailure);
  const { name, message } = (lastFailure ?? {}) as { name?: unknown; message?: unknown };
  const answered =
    typeof message === "string" && message !== "" ? `${String(name)}: ${message}` : String(name);
  return Object.assign(
    new OtherError(`${late}: the client was still retrying after the endpoint answered ${answered}`, {
      cause: lastFailure,
    }),
    { operation },
  );
}
