// The one place that decides what a finding's severity is worth given where its values came from. A value
// that only a variable's default supplies is not the value AWS will see when a caller passes another one
// (reusable modules declare `default = ""` or `[]` as placeholders), so such a finding is never an Error
// or a Warning: it becomes Information that names the condition. Values written in place, in locals of
// literals, or in a tfvars file keep the rule's severity.
import type { Span } from '../../parser';
import { originOfSpan, type Origin, type StaticValue } from '../evaluate';
import type { ClientBlock, RunIndex } from './runIndex';
import type { Finding } from './types';

type DefaultOrigin = Origin & { kind: 'default' };

/** Values from defaults that the running rule read, per client. */
export class ReadLog {
  private reads: { client: ClientBlock; origin: DefaultOrigin }[] = [];

  note = (client: ClientBlock, value: StaticValue): void => {
    if (value.origin?.kind === 'default') this.reads.push({ client, origin: value.origin });
  };

  clear(): void {
    if (this.reads.length > 0) this.reads = [];
  }

  /** The defaults a finding at `span` rests on: the value it is reported at, and the settings its rule read for that client. */
  defaultsBehind(span: Span, index: RunIndex, basis?: readonly (StaticValue | undefined)[]): DefaultOrigin[] {
    const out: DefaultOrigin[] = [];
    const own = originOfSpan(span);
    if (own?.kind === 'default') out.push(own);
    if (basis) {
      for (const v of basis) if (v?.origin?.kind === 'default' && !out.some((o) => o.variable === v.origin!.variable)) out.push(v.origin as DefaultOrigin);
    } else if (this.reads.length > 0) {
      const client = index.clients.find((c) => c.block.start <= span.start && span.start < c.block.end);
      for (const r of this.reads) if (r.client === client && !out.some((o) => o.variable === r.origin.variable)) out.push(r.origin);
    }
    return out;
  }
}

const MAX_SHOWN = 40;

/** Lowers a finding that rests on variables' defaults to Information and says on which. */
export function judgeProvenance(finding: Finding, defaults: readonly DefaultOrigin[]): void {
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
