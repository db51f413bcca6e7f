// What `saveUnknown` keeps of an unknown value, on writes and reads: only the nested content its
// patterns allow (unknown-paths.ts decides which paths those are).
import { setOwnMember } from "../own-member";
import { isPlainObject } from "./resolve-type";
import { keptOnlyAsContainer } from "./unknown-paths";

/** Told when something given is left out (the write pipeline's context: a saved item then takes the stored form). */
export interface LeftOutNote {
  reshaped?: boolean;
}

/**
 * What saveUnknown keeps of an unknown value at `path` (dotted, list indices as segments: `tags.0`), or
 * undefined for nothing. Nested content is kept only where the patterns allow. Where only a wildcard
 * pattern's way leads (`person.b` for "person.*.c"), only a map or list is kept, and only if something in
 * it is: no scalar and no empty shell is stored for a pattern that matched nothing.
 */
export function keptUnknownValue(
  keep: (path: string) => boolean,
  path: string,
  value: unknown,
  note?: LeftOutNote,
): unknown {
  if (value === undefined || !keep(path)) return undefined;
  if (!keptOnlyAsContainer(keep, path)) return filterUnknown(value, path, keep, note);
  if (!Array.isArray(value) && !isPlainObject(value)) return undefined;
  const kept = filterUnknown(value, path, keep, note) as Record<string, unknown> | unknown[];
  return (Array.isArray(kept) ? kept.length : Object.keys(kept).length) > 0 ? kept : undefined;
}

/**
 * Whether `value` written at `path`, a path a wildcard pattern keeps only as the way to what it keeps
 * further down (`a.x` for "a.*.c"), keeps nothing: a scalar, or a map or list in which nothing matched.
 */
export function keepsNothingOnWay(keep: (path: string) => boolean, path: string, value: unknown): boolean {
  return keptOnlyAsContainer(keep, path) && keptUnknownValue(keep, path, value) === undefined;
}

/** The nested content of an unknown value that saveUnknown's patterns keep (see keptUnknownValue). */
export function filterUnknown(
  value: unknown,
  path: string,
  keep: (path: string) => boolean,
  note?: LeftOutNote,
): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    value.forEach((element, index) => {
      const held = keptUnknownValue(keep, `${path}.${index}`, element, note);
      if (held !== undefined) kept.push(held);
      else if (note !== undefined) note.reshaped = true;
    });
    return kept;
  }
  if (!isPlainObject(value)) return value;
  const output: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const held = keptUnknownValue(keep, `${path}.${key}`, value[key], note);
    if (held !== undefined)
      setOwnMember(output, key, held); // a `__proto__` member stays data
    else if (note !== undefined && value[key] !== undefined) note.reshaped = true;
  }
  return output;
}

/**
 * The content of a map or list attribute declared without a schema (`{type: Object}`): what saveUnknown
 * keeps of it, else nothing (`{}` / `[]`), as in Dynamoose. Used by the read pipeline too.
 */
export function keptUnknown(
  value: Record<string, unknown> | unknown[],
  path: string,
  keep: ((path: string) => boolean) | undefined,
  note?: LeftOutNote,
): Record<string, unknown> | unknown[] {
  if (keep === undefined) {
    if (note !== undefined && (Array.isArray(value) ? value.length : Object.keys(value).length) > 0) {
      note.reshaped = true;
    }
    return Array.isArray(value) ? [] : {};
  }
  return filterUnknown(value, path, keep, note) as Record<string, unknown> | unknown[];
}
