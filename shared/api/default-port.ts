/** The companion's port on 127.0.0.1. Apart from the contract so the CLI can name it without loading zod. */
export const DEFAULT_PORT = 17717;
