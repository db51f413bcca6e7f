// DynamoDB stores no attribute or map key named "" and none longer than 64 KB (65,535 UTF-8 bytes). Names a
// schema declares are checked when it is built; these are the names values bring with them: map keys inside
// `type.ANY` values and JavaScript Maps, and attributes `saveUnknown` keeps. DynamoDB's refusal ("Empty
// attribute name") names no attribute, and in a batch arrives after earlier chunks were written. (DynamoDB
// Local's own limit is lower, 50,000 characters: it answers longer names with an InternalFailure.)
import { ValidationError } from "../errors";

export const MAX_NAME_BYTES = 65_535;
/** No string of this many UTF-16 code units or fewer can take more than MAX_NAME_BYTES in UTF-8. */
const SURELY_SHORT = Math.floor(MAX_NAME_BYTES / 3);

/**
 * Throws when `name`, a key of the map at `path` (`""`: a top-level attribute), cannot be stored.
 *
 * @example checkStoredName("", "data", { "": 1 }); // ValidationError: "data" holds a map key ""; …
 * @throws ValidationError, rule `"name"`, naming the map and giving it as the value.
 */
export function checkStoredName(name: string, path: string, container: unknown): void {
  if (name === "") {
    const what = path === "" ? "an attribute" : "a map key";
    throw new ValidationError(
      path,
      "name",
      container,
      `holds ${what} named ""; DynamoDB stores no empty names`,
    );
  }
  if (name.length <= SURELY_SHORT) return;
  const bytes = Buffer.byteLength(name);
  if (bytes <= MAX_NAME_BYTES) return;
  const what = path === "" ? "an attribute name" : "a map key";
  throw new ValidationError(
    path,
    "name",
    `${name.slice(0, 20)}…`,
    `holds ${what} of ${bytes} bytes; DynamoDB stores names of at most ${MAX_NAME_BYTES} bytes`,
  );
}
