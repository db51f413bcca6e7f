// Saving an item read from the table: where it still shows `get(stored)` for an attribute with a `get`,
// the stored value is put back, so a save neither rewrites a value nobody touched nor stores the display
// form. Used by the write pipeline (write.ts) and by `modifiedPaths()` (stored-changes.ts).
import { copyData } from "../copy-data";
import { isThenable } from "./normalize";
import { shapeWalk, valueAtPath } from "./rules";
import { sameValue } from "./same-value";
import { settingsFor } from "./settings-for";
import type { ObjectShape } from "./compiled";

/**
 * An item read from the table holds `get(stored)` for attributes with a `get` function. Where it still
 * holds exactly that, the value is put back to the stored one, so saving the item (or asking what changed)
 * neither rewrites a value nobody touched nor stores the display form. Runs on normalized data (real
 * names); `old` is the stored form as last read. Resolves with the document paths it put back.
 * Synchronous unless a `get` is asynchronous.
 */
export function restoreReadValues(
  shape: ObjectShape,
  item: Record<string, unknown>,
  old: Record<string, unknown>,
): ReadonlySet<string> | Promise<ReadonlySet<string>> {
  const restored = new Set<string>();
  const pending: Promise<void>[] = [];
  visitReadValues(
    shape,
    item,
    old,
    (shown, restore) => {
      // A rejected `get` shows nothing to compare, as a throwing one: the held value is a change.
      if (isThenable(shown)) pending.push(Promise.resolve(shown).then(restore, () => undefined));
      else restore(shown);
    },
    restored,
  );
  return pending.length > 0 ? Promise.all(pending).then(() => restored) : restored;
}

/** A value with a `get` that is not `get(stored)`; `setRuns` says whether its attribute has a `set`. */
export interface ShownChange {
  readonly path: string;
  readonly setRuns: boolean;
}

/**
 * `restoreReadValues` for `modifiedPaths()`, which is synchronous (an asynchronous `get` counts as
 * changed). Returns the values that are not `get(stored)`: changed where a `set` would turn them into
 * something else even when they equal the stored form (the caller also knows of the schema's own `set`).
 */
export function restoreReadValuesNow(
  shape: ObjectShape,
  item: Record<string, unknown>,
  old: Record<string, unknown>,
): ShownChange[] {
  const changed: ShownChange[] = [];
  const restored = new Set<string>();
  visitReadValues(
    shape,
    item,
    old,
    (shown, restore) => {
      if (isThenable(shown)) Promise.resolve(shown).catch(() => undefined);
      else restore(shown);
    },
    restored,
    (path, setRuns) => changed.push({ path, setRuns }),
  );
  return changed.filter((change) => !restored.has(change.path));
}

function visitReadValues(
  shape: ObjectShape,
  item: Record<string, unknown>,
  old: Record<string, unknown>,
  settle: (shown: unknown, restore: (shown: unknown) => void) => void,
  restored: Set<string>,
  visited?: (path: string, setRuns: boolean) => void,
): void {
  shapeWalk(shape, item)("get", (attribute, container, key, path) => {
    const value = container[key];
    if (value === undefined || value === null) return;
    const previous = valueAtPath(old, path);
    if (previous === undefined || previous === null) return;
    const getter = settingsFor(attribute, previous).get;
    if (!getter) return;
    visited?.(path, settingsFor(attribute, value).set !== undefined);
    let shown: unknown;
    try {
      // On a copy: a `get` that changes its argument in place would otherwise change the stored form, which
      // then goes back into the table as if nobody had touched it.
      shown = getter(copyData(previous));
    } catch {
      return; // a `get` failing on the stored value shows nothing to compare: the held value is a change
    }
    settle(shown, (shown) => {
      if (!sameValue(value, shown)) return;
      container[key] = previous;
      restored.add(path);
    });
  });
}
