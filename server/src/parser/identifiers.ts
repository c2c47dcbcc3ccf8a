// Which characters make HCL identifiers: Unicode ID_Start / ID_Continue plus '-' (as in HCL), with an
// ASCII lookup table for the common case.

// ASCII identifier characters: 1 = may start, 2 = may continue only (digits and '-').
export const ASCII_IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) ASCII_IDENT[c] = 1;
  else if ((c >= 48 && c <= 57) || c === 45) ASCII_IDENT[c] = 2;
}

const ID_START = /[\p{ID_Start}]/u;
const ID_CONTINUE = /[\p{ID_Continue}]/u;

export function isIdentStart(c: number, text: string, pos: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  return ID_START.test(String.fromCodePoint(text.codePointAt(pos)!));
}

/** Length of the identifier character at `pos` (0 if none): 1 or 2 UTF-16 units. */
export function identPartLength(c: number, text: string, pos: number): number {
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 ? 1 : 0;
  }
  const cp = text.codePointAt(pos)!;
  return ID_CONTINUE.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

