// Which save of an item started last. Two saves of one item can be in flight at once (`item.save()` called
// again before the first settled), and they may finish in either order. Only the save started last records
// what it wrote: an older one finishing after it would put the item's stored image back behind what the
// newer one sent, and the next save, diffing against that image, would leave out changes it took for stored.
// The ticket lives in a private field of the item (image-slot.ts): a WeakMap entry per saved item cost about
// 0.3 µs a save, mostly in garbage collection.
import { saveTicketOf, setSaveTicket } from "./image-slot";
import { trackedTargetOf } from "./tracked-items";

let saves = 0;

/** Records that a save of `item` starts; returns its ticket for `isLatestSave`. */
export function startSave(item: object): number {
  saves += 1;
  setSaveTicket(trackedTargetOf(item) ?? item, saves);
  return saves;
}

/** Whether no save of `item` started after the one holding `ticket`. */
export function isLatestSave(item: object, ticket: number): boolean {
  return saveTicketOf(trackedTargetOf(item) ?? item) === ticket;
}
