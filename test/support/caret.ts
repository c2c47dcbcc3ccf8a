// Caret markers for feature tests: write the caret into the snippet instead of counting offsets by hand.
//   withCaret('x = "ab|c"')            → { text: 'x = "abc"', offset: 6 }
//   withCaret('id = "p|c^x"', '^')     → use another marker when the text itself contains `|`.

export interface CaretText {
  /** The snippet without the marker. */
  text: string;
  /** UTF-16 offset of the marker in the original snippet (= where the caret sits in `text`). */
  offset: number;
}

export function withCaret(snippet: string, marker = '|'): CaretText {
  const offset = snippet.indexOf(marker);
  if (offset < 0) throw new Error(`caret marker ${JSON.stringify(marker)} not found in snippet`);
  if (snippet.indexOf(marker, offset + marker.length) >= 0) {
    throw new Error(`caret marker ${JSON.stringify(marker)} occurs more than once; pass another marker`);
  }
  return { text: snippet.slice(0, offset) + snippet.slice(offset + marker.length), offset };
}
