// The client `aws.ddb.local()` makes. DynamoDB Local takes any region and credentials, but the SDK refuses
// to send without them ("Region is missing", "Could not load credentials from any providers"), so a test
// run on a machine with no AWS configuration failed on its first request. The environment's region and
// credentials are still used when it has them (a local server without `-sharedDb` keeps one database per
// access key and region, which the user's other clients must match); only when it has none do the fixed
// values `startLocal()`'s own client uses stand in.
import { DynamoDB } from "@aws-sdk/client-dynamodb";

const LOCAL_REGION = "local";
const LOCAL_CREDENTIALS = Object.freeze({ accessKeyId: "local", secretAccessKey: "local" });

/** A client for a local endpoint: the environment's region and credentials, or fixed local ones. */
export function localClient(endpoint: string): DynamoDB {
  // A client made the default way resolves the region and credentials as the SDK always does.
  const fromEnvironment = new DynamoDB({ endpoint }).config;
  return new DynamoDB({
    endpoint,
    region: () => fromEnvironment.region().catch(() => LOCAL_REGION),
    credentials: () => fromEnvironment.credentials().catch(() => LOCAL_CREDENTIALS),
  });
}
