// What a diagnostics rule is and what it receives. A rule is a plain object so that the catalogue, the rule
// reference (docs/rules.md), SARIF metadata and settings all read the same data.
import type { Range, Span } from '../../parser';
import type { FeatureContext } from '../../model';
import type { ClientBlock, RunIndex } from './runIndex';
import type { CallerOrigin, StaticValue } from '../evaluate';

export type RuleSeverity = 'error' | 'warning' | 'information';

/** The code scheme: CUP001 syntax, then one hundred per category. */
export type RuleCategory = 'schema' | 'values' | 'token-validity' | 'cross-field' | 'advice' | 'import' | 'references' | 'module';

export const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  schema: 'CUP1xx — schema',
  values: 'CUP2xx — values',
  'token-validity': 'CUP3xx — token validity',
  'cross-field': 'CUP4xx — cross-field rules',
  advice: 'CUP5xx — advice',
  import: 'CUP6xx — import blocks',
  references: 'CUP7xx — references',
  module: 'CUP8xx — the rest of the module',
};

export interface RuleDoc {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters and how sure we are (the evidence behind the severity). */
  why: string;
  /** What the quick fix does, when there is one. */
  fix?: string;
}

/** A text replacement in the document being checked (offsets), or in another file of the module (uri). */
export interface FixEdit {
  start: number;
  end: number;
  newText: string;
  /** Another document of the module; absent = the checked document. */
  uri?: string;
}

export interface Fix {
  title: string;
  edits: FixEdit[];
  /** The one fix an editor may apply on "fix all" / auto-fix. */
  preferred?: boolean;
}

/** Fixes, or a function that builds them when a code action asks (see `RuleContext.report`). */
export type LazyFixes = Fix[] | (() => Fix[] | undefined) | undefined;

export interface Finding {
  code: string;
  span: Span;
  /** The LSP range of `span`, when already known (cached findings carry it). */
  range?: Range;
  message: string;
  fixes?: Fix[];
  /** Lower than the rule's severity when the offending value came only from variables' defaults. */
  severity?: RuleSeverity;
  /** In a child seen through a module call: the call argument the finding rests on. */
  caller?: CallerOrigin;
  /** The variables whose defaults the finding depends on, and its message without the condition. */
  defaults?: { variables: string[]; message: string };
}

export interface RuleContext {
  readonly ctx: FeatureContext;
  /** Our blocks, import blocks, outputs and references of this document, found once per run. */
  readonly index: RunIndex;
  /**
   * Reports a problem at a span of the checked document. `basis`, when given, lists the values the finding
   * rests on (else: the value at `span` and every setting the rule read of that client), so that a finding
   * is judged by where they came from (see provenance.ts). `fixes` may be a function: the diagnostics path
   * never shows fixes (code actions run the rules again), so fixes that take work to build are only built
   * when asked for.
   */
  report(span: Span, message: string, fixes?: LazyFixes, basis?: readonly (StaticValue | undefined)[]): void;
  /**
   * Told of every setting a rule reads (through `valueAt`), so that the runner can judge a cross-field
   * finding by where the values behind it came from.
   */
  readonly noteRead?: (client: ClientBlock, value: StaticValue) => void;
}

export interface Rule {
  /** Stable code users write in settings and suppression comments. */
  code: string;
  /** kebab-case name, also stable. */
  name: string;
  defaultSeverity: RuleSeverity;
  category: RuleCategory;
  /** Reports what terraform-ls also reports (unexpected/missing attributes, ...): yields when HashiCorp's extension is active. */
  structural?: boolean;
  /**
   * 'item' (default): what the rule reports about a top-level block depends only on that block's text and
   * on the locals/variables it reads, so findings are cached per block between keystrokes.
   * 'module': the rule compares blocks with each other or with other files; it runs every time.
   */
  scope?: 'item' | 'module';
  /**
   * The part of the run index the rule reports about, when it reads nothing else: the runner skips it for
   * items without any (a rule of our resource on an import block, an import rule on each resource). Most
   * blocks of a large module are of one kind, and rules called on every block get compiled by V8 early in a
   * first check even when they find nothing to do.
   */
  reads?: 'clients' | 'imports';
  doc: RuleDoc;
  check(context: RuleContext): void;
}
