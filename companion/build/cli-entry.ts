// What the bundle exports: bin.js builds and runs the program itself (cli.ts runs only when started as bin.js).

export { runCli } from "../cli/run-cli.ts";
export { buildProgram } from "../cli.ts";
