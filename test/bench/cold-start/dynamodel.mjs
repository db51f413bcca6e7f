// Cold start, dynamodel: import the built package (a self-reference: dist/index.mjs), create the same
// client, define the bench's model (see ../cold-start.ts).
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import dynamodel from "dynamodel";

dynamodel.aws.ddb.set(new DynamoDB({ region: "us-east-1" }));
const User = dynamodel.model(
  "User",
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    name: String,
    email: { type: String, index: { name: "byEmail", type: "global" } },
    age: Number,
    score: Number,
    active: Boolean,
    verified: Boolean,
    address: { type: Object, schema: { street: String, city: String, zip: String } },
    tags: { type: Array, schema: [String] },
    roles: { type: Set, schema: [String] },
    logins: Number,
    bio: String,
  }),
  { create: false, waitForActive: false },
);
if (typeof User.get !== "function") throw new Error("not loaded");
