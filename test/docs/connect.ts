// Points the library at the test run's DynamoDB Local before a docs page runs.
import { rawClient } from "../support/local";

export async function connectDocsExamples(_page: string): Promise<void> {
  // The library's connection API arrives with the Model work; until then examples use the raw client.
  rawClient();
}
