// Which save of an item records what it wrote, and the order an item's saves run in. A save called before
// the previous one settled waits for it (afterEarlierSaves). A transaction element planned from the item is
// not queued: it and a save may be in flight at once, and may finish in either order. Each save takes a
// ticket when it is planned; it records its write only if no save planned after it has recorded one
// already: an older save finishing after a newer one would put the item's stored image back behind what the
// table holds, and the next save, diffing against that image, would leave out changes it took for stored. A
// save that fails, or a plan never sent (a transaction element only shown), records nothing and blocks
// nothing, so under optimistic locking the item keeps the version of the write that did succeed.
// The last recorded ticket lives in a private field of the item (image-slot.ts): a WeakMap entry per saved
// item cost about 0.3 µs a save, mostly in garbage collection. So do the saves in flight.
import { saveTicketOf, savesInFlightOf, setSavesInFlight, setSaveTicket } from "./image-slot";
import { trackedTargetOf } from "./tracked-items";

let saves = 0;

/** A ticket for a save of an item being planned: later plans get greater ones. */
export function startSave(): number {
  saves += 1;
  return saves;
}

/**
 * Whether the save holding `ticket` may record its write on `item`: no later-planned save has. If so, it is
 * noted as recorded.
 */
export function mayRecordSave(item: object, ticket: number): boolean {
  const target = trackedTargetOf(item) ?? item;
  if (saveTicketOf(target) > ticket) return false;
  setSaveTicket(target, ticket);
  return true;
}

/** The ticket of the last save recorded on the item (0 before any): it moves whenever a save records. */
export function recordedSaveOf(item: object): number {
  return saveTicketOf(trackedTargetOf(item) ?? item);
}

/**
 * Runs `save` once the item's saves already in flight have settled, whatever their outcome: a save called
 * before the previous one settled is planned against what that one recorded, so it writes what changed
 * since, and its request is sent after the previous one's. (Planned against the same image, the second
 * save would leave out a change the first one undid, and a value the first removed could come back.)
 * Hooks run outside the queue, so a hook may save the item again without waiting for itself.
 */
export function afterEarlierSaves<T>(item: object, save: () => Promise<T>): Promise<T> {
  const target = trackedTargetOf(item) ?? item;
  const earlier = savesInFlightOf(target);
  const result = earlier === undefined ? save() : earlier.then(save);
  const settled: Promise<void> = result.then(
    () => forget(target, settled),
    () => forget(target, settled),
  );
  setSavesInFlight(target, settled);
  return result;
}

function forget(target: object, saves: Promise<void>): void {
  if (savesInFlightOf(target) === saves) setSavesInFlight(target, undefined);
}
