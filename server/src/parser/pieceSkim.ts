// A skim of a file read in pieces (see skimText in file.ts and topLevelScan.ts): a large file that is not open
// is read a piece at a time into one small buffer and scanned as it comes, so its bytes and its text are
// never both in memory whole, and the text stays in its pieces (joined only if someone asks for all of it).
import type { BodyItem, HclFile } from './ast';
import { DocumentText } from './documentText';
import { SkimmedFile } from './file';
import { scanItems } from './topLevelScan';

export class PieceSkim {
  private readonly items: BodyItem[] = [];
  private readonly chunks: string[] = [];
  /** Where the next piece starts in the file. */
  private base = 0;
  private unsure = false;
  private finished = false;

  /**
   * Scans the next piece: what was left of the previous one, then what was read after it (`final`: up to the
   * end of the file). Returns how many leading characters are done; the rest must come again at the front of
   * the next piece. Once unsure (the scanner is, or a piece cannot be told apart from the whole), it takes
   * everything and `result` is undefined: the caller reads the file whole and skims that.
   */
  feed(text: string, final: boolean): number {
    if (final) this.finished = true;
    if (this.unsure) return text.length;
    const done = scanItems(text, this.items, final, this.base);
    if (done < 0) {
      this.unsure = true;
      return text.length;
    }
    if (done > 0) this.chunks.push(done === text.length ? text : text.slice(0, done));
    this.base += done;
    return done;
  }

  /** The skimmed file, once the final piece is in; undefined when unsure (or not finished). */
  result(): HclFile | undefined {
    if (this.unsure || !this.finished) return undefined;
    const text = DocumentText.fromChunks(this.chunks);
    return new SkimmedFile(text, { kind: 'Body', start: 0, end: text.length, items: this.items });
  }
}
