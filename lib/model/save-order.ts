// Which save of an item records what it wrote. Two saves of one item can be in flight at once (`item.save()`
// called again before the first settled), and they may finish in either order. Each save takes a ticket
// when it is planned; it records its write only if no save planned after it has recorded one already: an
// older save finishing after a newer one would put the item's stored image back behind what the table
// holds, and the next save, diffing against that image, would leave out changes it took for stored. A save
// that fails, or a plan never sent (a transaction element only shown), records nothing and blocks nothing,
// so under optimistic locking the item keeps the version of the write that did succeed.
// The last recorded ticket lives in a private field of the item (image-slot.ts): a WeakMap entry per saved
// item cost about 0.3 µs a save, mostly in garbage collection.
import { saveTicketOf, setSaveTicket } from "./image-slot";
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
