/**
 * The two pieces of Python's str.format the seed's frequency table relies on, so our output matches it byte for
 * byte: left-aligned padding counted in code points, and fixed-point rounding of the exact binary value.
 */

/** Python's "{:<width}": pads with spaces to `width` code points and never truncates. */
export const padEnd = (value: string | number, width: number): string => {
  const text = String(value);
  const length = [...text].length;
  return length >= width ? text : text + " ".repeat(width - length);
};

const exactBinary = (value: number): { mantissa: bigint; exponent: number } => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals have no implicit leading 1 and a fixed exponent.
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
};

/**
 * Python's "{:.Nf}". Number#toFixed rounds exact ties away from zero (0.03125 -> "0.0313") where Python rounds
 * them to even ("0.0312"), so the rounding is done here on the double's exact value.
 */
export const formatFixed = (value: number, digits: number): string => {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const negative = value < 0 || Object.is(value, -0);
  const { mantissa, exponent } = exactBinary(Math.abs(value));
  const scaled = mantissa * 10n ** BigInt(digits);
  let units: bigint;
  if (exponent >= 0) {
    units = scaled << BigInt(exponent);
  } else {
    const shift = BigInt(-exponent);
    units = scaled >> shift;
    const remainder = scaled - (units << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && units % 2n === 1n)) units += 1n;
  }
  const text = units.toString().padStart(digits + 1, "0");
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
};

/** Orders strings by code point, as Python's sorted() does (JS's < compares UTF-16 units). */
export const compareCodePoints = (a: string, b: string): number => {
  // Walks both strings in place: no array of characters per comparison (sorting 50k tags compares ~800k times).
  for (let i = 0; ; ) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
};
