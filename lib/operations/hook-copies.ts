// The entries a batch's pre hooks see are copies of the caller's (model/operation-hooks.ts), so a hook's
// change in place reaches the batch and not the caller's objects. What the batch reports back as
// unprocessed must still be the caller's own object or key, to be matched and retried by identity: each
// copy remembers the entry it was made from.
import { copyData } from "../copy-data";

const originals = new WeakMap<object, unknown>();

/** A deep copy of one batch entry that remembers the entry (a primitive is its own copy). */
export function copyForHooks(entry: unknown): unknown {
  const copy = copyData(entry);
  if (typeof copy === "object" && copy !== null && copy !== entry) originals.set(copy, entry);
  return copy;
}

/** The caller's entry a copy was made from; anything else (an entry a hook put in) is itself. */
export function callerOriginal(entry: unknown): unknown {
  return typeof entry === "object" && entry !== null && originals.has(entry) ? originals.get(entry) : entry;
}
