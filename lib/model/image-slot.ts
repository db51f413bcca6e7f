// The slot every item has for its change tracking: a #private field of the items' base class, as fast
// as a property and invisible to Object.keys, spread, JSON and equality checks, so the item's own
// properties are only its data. It holds nothing for a new item, the stored image for one read or saved,
// and a lazily tracked item's read values until its first save (stored-images.ts, tracked-items.ts).
let readSlot: (item: object) => unknown;
let writeSlot: (item: object, value: unknown) => void;
let readTicket: (item: object) => number;
let writeTicket: (item: object, ticket: number) => void;
let readInFlight: (item: object) => Promise<void> | undefined;
let writeInFlight: (item: object, saves: Promise<void> | undefined) => void;

export class StoredImageHolder {
  #slot: unknown = undefined;
  /** The ticket of the last save that recorded its write on the item (save-order.ts); 0 before the first. */
  #saveTicket = 0;
  /** The item's saves in flight, settled once the last of them has (save-order.ts); undefined when none. */
  #savesInFlight: Promise<void> | undefined = undefined;

  static {
    readSlot = (item) => (#slot in item ? (item as StoredImageHolder).#slot : undefined);
    writeSlot = (item, value) => {
      (item as StoredImageHolder).#slot = value;
    };
    readTicket = (item) => (item as StoredImageHolder).#saveTicket;
    writeTicket = (item, ticket) => {
      (item as StoredImageHolder).#saveTicket = ticket;
    };
    readInFlight = (item) => (item as StoredImageHolder).#savesInFlight;
    writeInFlight = (item, saves) => {
      (item as StoredImageHolder).#savesInFlight = saves;
    };
  }
}

/** The ticket of the last save recorded on the item. Never call with a tracking proxy. */
export function saveTicketOf(item: object): number {
  return readTicket(item);
}

/** Notes the ticket of a save that recorded its write. Never call with a tracking proxy. */
export function setSaveTicket(item: object, ticket: number): void {
  writeTicket(item, ticket);
}

/** The item's saves in flight (see save-order.ts), if any. Never call with a tracking proxy. */
export function savesInFlightOf(item: object): Promise<void> | undefined {
  return readInFlight(item);
}

/** Records the item's saves in flight. Never call with a tracking proxy. */
export function setSavesInFlight(item: object, saves: Promise<void> | undefined): void {
  writeInFlight(item, saves);
}

/** The slot's content (`undefined` for objects that are not items). Never call with a tracking proxy. */
export function imageSlotOf(item: object): unknown {
  return readSlot(item);
}

/** Sets the slot. Never call with a tracking proxy (a #private field is not reachable through one). */
export function setImageSlot(item: object, value: unknown): void {
  writeSlot(item, value);
}
