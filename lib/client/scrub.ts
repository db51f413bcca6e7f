// SDK service errors carry the raw HTTP exchange in a hidden `$response`, and through its body the signed
// request: the Authorization header (access key id) and the session token. SPEC §8: credentials never
// appear in an error or an event, so that exchange is replaced by the response's status and headers.

interface RawResponse {
  statusCode?: number;
  reason?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Drops the request from a service error's `$response`, in place, before anyone sees the error. */
export function scrubCredentials(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const response = (error as Error & { $response?: RawResponse }).$response;
  if (response !== null && typeof response === "object" && "body" in response) {
    const descriptor = Object.getOwnPropertyDescriptor(error, "$response");
    if (descriptor?.configurable) {
      Object.defineProperty(error, "$response", {
        value: { statusCode: response.statusCode, reason: response.reason, headers: { ...response.headers } },
        enumerable: false,
        writable: true,
        configurable: true,
      });
    } else {
      // The SDK defines it non-configurable: the body (an already consumed stream holding the request) goes.
      response.body = undefined;
    }
  }
  return error;
}
