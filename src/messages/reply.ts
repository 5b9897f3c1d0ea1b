/** Every request's reply: a value, or an error message meant for the user. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a value as a successful reply. */
export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed reply, keeping only its message (errors do not cross contexts). */
export function fail<T>(error: unknown): Reply<T> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
