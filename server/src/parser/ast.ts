// The syntax tree of HCL native syntax as Terraform uses it.
//
// Every node stores `start`/`end` as UTF-16 code-unit offsets into the document text (end exclusive).
// LSP ranges (0-based line, UTF-16 character) come from the file's line index: `file.rangeOf(node)`.
// Offsets are stored instead of ranges because a range is two objects per node, and a 10,000-block file
// has ~1 million nodes; the line index answers in O(log lines).
//
// The parser is tolerant: a node may be incomplete (`closed: false`, a missing value as an `Invalid`
// expression, an empty attribute name after a trailing dot). Features must expect that.

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Identifier extends Span {
  kind: 'Identifier';
  name: string;
}

// ----- structure -----------------------------------------------------------------------------------------

export interface Body extends Span {
  kind: 'Body';
  items: BodyItem[];
}

export type BodyItem = Attribute | Block;

export interface Attribute extends Span {
  kind: 'Attribute';
  name: Identifier;
  /** Offset of `=`, or -1 when the user has typed only a name so far. */
  equals: number;
  /** `Invalid` when the value is missing or could not be parsed. */
  value: Expression;
}

export interface Block extends Span {
  kind: 'Block';
  type: Identifier;
  labels: Label[];
  /** Offset of `{`, or -1 when missing. */
  openBrace: number;
  /** Offset of `}`, or -1 when the block is unclosed. */
  closeBrace: number;
  body: Body;
}

/** A block label: `"aws_x"` (quoted) or `aws_x` (bare identifier). `value` is the decoded text. */
export interface Label extends Span {
  kind: 'Label';
  value: string;
  quoted: boolean;
  /** False for a quoted label missing its closing quote. */
  closed: boolean;
}

// ----- expressions ---------------------------------------------------------------------------------------

export type Expression =
  | Literal
  | StringLiteral
  | Template
  | Tuple
  | ObjectExpr
  | FunctionCall
  | Variable
  | Traversal
  | Conditional
  | Binary
  | Unary
  | Parens
  | ForExpr
  | Invalid;

/** number, true, false, null */
export interface Literal extends Span {
  kind: 'Literal';
  value: number | boolean | null;
}

/** A quoted string with no interpolation or directive. `value` has escapes decoded. */
export interface StringLiteral extends Span {
  kind: 'String';
  value: string;
  /** False when the closing quote is missing (recovery ends the string at the line end). */
  closed: boolean;
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateDirective;

export interface TemplateLiteral extends Span {
  kind: 'TemplateLiteral';
  /** Decoded text (escapes and `$${`/`%%{` resolved; for `<<-` heredocs, indentation removed). */
  value: string;
}

/** `${ expr }` */
export interface TemplateInterpolation extends Span {
  kind: 'TemplateInterpolation';
  expression: Expression;
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ if cond }...%{ else }...%{ endif }` or `%{ for k, v in coll }...%{ endfor }` */
export interface TemplateDirective extends Span {
  kind: 'TemplateDirective';
  directive: 'if' | 'for';
  condition?: Expression;
  keyVar?: Identifier;
  valueVar?: Identifier;
  collection?: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
}

/** A quoted template with interpolations/directives, or any heredoc. */
export interface Template extends Span {
  kind: 'Template';
  parts: TemplatePart[];
  /** Present for heredocs: the marker (`EOT`) and whether it was `<<-` (indented). */
  heredoc?: { marker: string; indented: boolean };
  closed: boolean;
}

export interface Tuple extends Span {
  kind: 'Tuple';
  items: Expression[];
  closed: boolean;
}

export interface ObjectExpr extends Span {
  kind: 'Object';
  items: ObjectItem[];
  closed: boolean;
}

export interface ObjectItem extends Span {
  kind: 'ObjectItem';
  /** A bare key parses as `Variable`; quoted keys as `String`/`Template`; `(expr)` as `Parens`. */
  key: Expression;
  /** Offset of `=` or `:`, or -1 when missing. */
  separator: number;
  value: Expression;
}

export interface FunctionCall extends Span {
  kind: 'FunctionCall';
  /** The function name; provider functions keep their full name (`provider::aws::arn_parse`). */
  name: Identifier;
  args: Expression[];
  /** True when the last argument is followed by `...`. */
  expandFinal: boolean;
  closed: boolean;
}

/** A bare root name: `var`, `local`, `aws_instance`, `each`, `count`, `path`, ... */
export interface Variable extends Span {
  kind: 'Variable';
  name: string;
}

export type TraversalStep = GetAttrStep | IndexStep | LegacyIndexStep | SplatStep;

/** `.name`; `name` is '' (and `start`..`end` covers just the dot) when the user typed a trailing dot. */
export interface GetAttrStep extends Span {
  kind: 'GetAttr';
  name: string;
  /** Offset where the name starts (just after the dot). */
  nameStart: number;
}

/** `[expr]` */
export interface IndexStep extends Span {
  kind: 'Index';
  key: Expression;
  closed: boolean;
}

/** `.0` (legacy index syntax) */
export interface LegacyIndexStep extends Span {
  kind: 'LegacyIndex';
  index: number;
}

/** `.*` (attribute-only splat) or `[*]` (full splat); the steps after it are on the Traversal. */
export interface SplatStep extends Span {
  kind: 'SplatStep';
  full: boolean;
}

/** `source.step.step[...]`: the source is usually a `Variable`, but may be any expression. */
export interface Traversal extends Span {
  kind: 'Traversal';
  source: Expression;
  steps: TraversalStep[];
}

export interface Conditional extends Span {
  kind: 'Conditional';
  condition: Expression;
  trueResult: Expression;
  falseResult: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface Binary extends Span {
  kind: 'Binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface Unary extends Span {
  kind: 'Unary';
  operator: '!' | '-';
  operand: Expression;
}

export interface Parens extends Span {
  kind: 'Parens';
  expression: Expression;
  closed: boolean;
}

/** `[for k, v in coll : expr if cond]` or `{for k, v in coll : key => value... if cond}` */
export interface ForExpr extends Span {
  kind: 'For';
  object: boolean;
  keyVar?: Identifier;
  valueVar: Identifier;
  collection: Expression;
  /** Only for object `for`. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** `...` after the value in an object `for`. */
  grouping: boolean;
  closed: boolean;
}

/** A missing or unparsable expression; its span covers what was skipped (may be empty). */
export interface Invalid extends Span {
  kind: 'Invalid';
}

export type Node =
  | Body
  | Attribute
  | Block
  | Label
  | Identifier
  | Expression
  | ObjectItem
  | TemplatePart
  | TraversalStep;

// ----- results -------------------------------------------------------------------------------------------

export interface SyntaxDiagnostic extends Span {
  /** Short summary in the spirit of HCL's own ("Missing closing brace", "Invalid expression"). */
  message: string;
  severity: 'error' | 'warning';
}

export interface LineIndex {
  /** Offset → LSP position (0-based line, UTF-16 character). Offsets past the end clamp to the end. */
  positionAt(offset: number): Position;
  /** LSP position → offset; positions past a line's end clamp to that line's end. */
  offsetAt(position: Position): number;
  readonly lineCount: number;
}

/**
 * Read access to a document's text by offset, without materializing the whole text as one string (see
 * DocumentText: after an edit, building that string costs O(document) once per version).
 */
export interface TextSource {
  readonly length: number;
  slice(start: number, end?: number): string;
  charCodeAt(offset: number): number;
  /** The character at `offset`, or '' outside the text (like `String.prototype.charAt`). */
  charAt(offset: number): string;
  startsWith(search: string, at: number): boolean;
}

export interface HclFile {
  /**
   * The whole text as one string. After an incremental re-parse this joins the document once per version
   * (O(length)); per-keystroke code reads spans through `source` or `slice` instead.
   */
  readonly text: string;
  /** The text, read by offset at O(log chunks) per access. */
  readonly source: TextSource;
  /** `text.slice(start, end)` without building `text`. */
  slice(start: number, end: number): string;
  readonly body: Body;
  /** Syntax diagnostics of the whole file, sorted by start offset. */
  readonly diagnostics: readonly SyntaxDiagnostic[];
  /** Spans of every comment (line comments with `#` or `//`, and block comments), sorted. */
  readonly comments: readonly Span[];
  readonly lines: LineIndex;
  rangeOf(span: Span): Range;
}

/** A change to the old text, in the old text's offsets (LSP incremental changes, converted). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}
