// The outcome of an operation that can fail on foreign data: a value, or a typed error instead of an exception.
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
