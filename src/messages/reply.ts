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

/** True for a value shaped like a Reply; anything else means no answer came. */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; error?: unknown };
  // No check for `value` when ok: Chrome sends messages as JSON, which drops an undefined value.
  return reply.ok === true || (reply.ok === false && typeof reply.error === 'string');
}
