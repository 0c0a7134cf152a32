import { Transform } from "node:stream";
import Assembler from "stream-json/Assembler.js";
import Parser from "stream-json/Parser.js";
import { readJsonNumber } from "../../shared/json/parse-json.ts";

export interface ArrayElement {
  /** 0-based position in the list. */
  key: number;
  value: unknown;
}

/**
 * The elements of a top-level JSON list, one at a time, with numbers read as parseJson reads them. stream-json's
 * own StreamArray turns every number into a double, which rounds 19-digit ids; here an unsafe integer is
 * handed to the assembler as its digit string instead.
 */
const elementsOfTokens = (): Transform => {
  const assembler = new Assembler();
  let started = false;
  let key = 0;
  return new Transform({
    objectMode: true,
    transform(token: { name: string; value?: string }, _encoding, callback) {
      if (!started) {
        if (token.name !== "startArray") return callback(new Error("the top level is not a JSON list"));
        started = true;
      }
      if (token.name === "numberValue" && token.value !== undefined) {
        const value = readJsonNumber(token.value);
        assembler.consume(typeof value === "string" ? { name: "stringValue", value } : token);
      } else {
        assembler.consume(token);
      }
      // Depth 1 is inside the list: a completed element sits there alone, and leaves so memory stays flat.
      if (assembler.depth === 1 && (assembler.current as unknown[]).length > 0)
        this.push({ key: key++, value: (assembler.current as unknown[]).pop() } satisfies ArrayElement);
      callback();
    },
  });
};

/** A byte stream of a JSON list in, ArrayElement objects out (pipe them; errors name what went wrong). */
export const exactJsonArray = (): [Transform, Transform] => [
  Parser.parser({ packValues: true, streamValues: false }),
  elementsOfTokens(),
];
