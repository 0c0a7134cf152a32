/** A problem with what the user asked for or gave us: printed as one "error: <message>" line, exit code 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
