// The one place that decides what a finding's severity is worth given where its values came from. A value
// that only a variable's default supplies is not the value AWS will see when a caller passes another one
// (reusable modules declare `default = ""` or `[]` as placeholders), so such a finding is never an Error
// or a Warning: it becomes Information that names the condition. Values written in place, in locals of
// literals, or in a tfvars file keep the rule's severity; a tfvars value is named with its file and line.
import type { Span } from '../../parser';
import { originOfSpan, type CallerOrigin, type Origin, type StaticValue } from '../evaluate';
import type { ClientBlock, RunIndex } from './runIndex';
import type { Finding } from './types';

/** Values from defaults or tfvars files that the running rule read, per client. */
export class ReadLog {
  private reads: { client: ClientBlock; origin: Origin }[] = [];

  private callerReads: { client: ClientBlock; origin: CallerOrigin }[] = [];

  note = (client: ClientBlock, value: StaticValue): void => {
    if (value.origin) this.reads.push({ client, origin: value.origin });
    const caller = callerOf(value.origin);
    if (caller) this.callerReads.push({ client, origin: caller });
  };

  /** The module call whose arguments a finding at `span` rests on (only in a child seen through a call). */
  callerBehind(span: Span, index: RunIndex): CallerOrigin | undefined {
    const own = callerOf(originOfSpan(span));
    if (own || this.callerReads.length === 0) return own;
    const client = index.clients.find((c) => c.block.start <= span.start && span.start < c.block.end);
    return this.callerReads.find((r) => r.client === client)?.origin;
  }

  clear(): void {
    if (this.reads.length > 0) this.reads = [];
    if (this.callerReads.length > 0) this.callerReads = [];
  }

  /**
   * The origins a finding at `span` rests on: the value it is reported at, and `basis` when the rule names
   * the values behind it, else every setting its rule read of that client.
   */
  originsBehind(span: Span, index: RunIndex, basis?: readonly (StaticValue | undefined)[]): Origin[] {
    const out: Origin[] = [];
    const add = (o: Origin | undefined) => {
      if (o && !out.some((x) => x.variable === o.variable)) out.push(o);
    };
    add(originOfSpan(span));
    if (basis) for (const v of basis) add(v?.origin);
    else if (this.reads.length > 0) {
      const client = index.clients.find((c) => c.block.start <= span.start && span.start < c.block.end);
      for (const r of this.reads) if (r.client === client) add(r.origin);
    }
    return out;
  }
}

const MAX_SHOWN = 40;

/**
 * Lowers a finding that rests on variables' defaults to Information and says on which; names the tfvars
 * files that set the values behind it when the message does not already.
 */
export function judgeProvenance(finding: Finding, origins: readonly Origin[]): void {
  if (origins.length === 0) return;
  const defaults = origins.filter((o): o is Origin & { kind: 'default' } => o.kind === 'default');
  const tfvars = origins.filter((o): o is Origin & { kind: 'tfvars' } => o.kind === 'tfvars' && !finding.message.includes(`${o.value.fileName} line ${o.value.line + 1}`));
  if (tfvars.length > 0) {
    const where = tfvars.map((o) => `var.${o.variable} is set in ${o.value.fileName} line ${o.value.line + 1}`);
    finding.message = `${finding.message} (${where.join('; ')})`;
  }
  if (defaults.length === 0) return;
  const conditions = defaults.map((d) => `var.${d.variable} keeps its default ${shown(d.text)}`);
  const base = finding.message;
  finding.severity = 'information';
  finding.defaults = { variables: defaults.map((d) => d.variable), message: base };
  finding.message = `${base} This applies only if ${conditions.join(' and ')}: callers usually pass their own value; if this one is meant to be used, change the default.`;
}

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN - 1)}…` : flat;
}

function callerOf(origin: Origin | undefined): CallerOrigin | undefined {
  if (!origin) return undefined;
  return origin.kind === 'caller' ? origin : origin.caller;
}
