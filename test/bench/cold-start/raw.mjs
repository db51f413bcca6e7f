// Cold start, raw SDK: import the SDK and util-dynamodb, create a client (see ../cold-start.ts).
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";

const client = new DynamoDB({ region: "us-east-1" });
if (!client || !marshall({ id: "1" }).id) throw new Error("not loaded");
