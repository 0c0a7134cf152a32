/** A 400 with the reason, thrown from a handler and turned into {error} by the error handler. */
export class BadRequest extends Error {}

/** A 404 with the reason. */
export class NotFound extends Error {}
