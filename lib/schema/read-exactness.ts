// Whether the read running now gave the stored data in the schema's types, so that converting it back by
// the schema gives what is stored (up to the types' own normal forms: an ISO date without milliseconds
// comes back with them; docs/performance.md). Inexact: a stored attribute left out (undeclared, or inside a
// map or list declared without a schema that saveUnknown does not keep), a value read as a type the schema
// does not give it, an invalid Date string, a `__proto__` map member (the
// read sets a prototype with it). Items built from an inexact read keep their whole stored image
// (model/tracked-items.ts). A flag rather than a result, so the hot readers keep their shape; only the rare
// branches set it.
let inexact = false;

/** Clears the flag before a read whose {@link readWasExact} will be asked. */
export function startRead(): void {
  inexact = false;
}

/** Called by the readers where what they give differs from what is stored. */
export function markInexact(): void {
  inexact = true;
}

/** Whether the reads since {@link startRead} gave exactly the stored data. */
export function readWasExact(): boolean {
  return !inexact;
}
