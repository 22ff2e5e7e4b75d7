// Typed store errors: the command layer prints the message as is, so each one
// says what went wrong and what the user can do about it.

export class StoreError extends Error {
  override name = 'StoreError';
}

/** Another live exoscan process holds the data dir's lock. */
export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';
}

/** The database (or a snapshot) cannot be read or fails validation; it is left untouched. */
export class StoreCorruptError extends StoreError {
  override name = 'StoreCorruptError';
}
