// The item shape every adapter uses: about 12 attributes of strings, numbers, booleans, a nested
// map, a list and a string set.
import { Schema } from "dynamodel";

export function benchItem(index: number) {
  return {
    id: `user-${index}`,
    name: "Ada Lovelace",
    email: "ada@example.com",
    age: 36,
    score: 98.5,
    active: true,
    verified: false,
    address: { street: "12 St James's Square", city: "London", zip: "SW1Y 4JH" },
    tags: ["math", "poetry", "engines"],
    roles: new Set(["admin", "author"]),
    logins: 1234,
    bio: "First programmer; wrote the notes on the Analytical Engine.",
  };
}

export const benchSchema = new Schema({
  id: { type: String, hashKey: true },
  name: String,
  email: String,
  age: Number,
  score: Number,
  active: Boolean,
  verified: Boolean,
  address: { type: Object, schema: { street: String, city: String, zip: String } },
  tags: { type: Array, schema: [String] },
  roles: { type: Set, schema: [String] },
  logins: Number,
  bio: String,
});
