// Points the library's default instance at the test run's DynamoDB Local before a docs page runs,
// so examples read exactly like user code.
import dynamodel from "dynamodel";
import { rawClient } from "../support/local";

export async function connectDocsExamples(_page: string): Promise<void> {
  dynamodel.aws.ddb.set(rawClient());
}
