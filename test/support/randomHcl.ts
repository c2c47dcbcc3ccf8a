// Random but valid HCL documents with a wide mix of syntax (every expression form the parser knows),
// for differential and property tests. Deterministic for a given seed.
import { seededRandom } from './generate';

export interface RandomHclOptions {
  /** Leave out syntax newer than HCL 2.10 (provider functions), for comparison with hcl2-parser. */
  legacyOnly?: boolean;
}

const NAMES = ['a', 'b', 'name', 'client_name', 'user_pool_id', 'foo-bar', 'x1', 'émoji_ok', 'count', 'each'];
const BLOCK_TYPES = ['setting', 'nested', 'rule', 'dynamic'];
const WORDS = ['hello', 'world', 'ALLOW_USER_SRP_AUTH', 'code', 'us-east-1_Abc|123', 'é😀', ' spaced ', 'a\\tb', 'q\\"q', 'back\\\\slash', '$${lit}', '%%{lit}', '\\u00e9'];

export function randomHclDocument(seed: number, options: RandomHclOptions = {}): string {
  const rand = seededRandom(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const ident = () => pick(NAMES);
  const nl = options.legacyOnly ? false : undefined;
  void nl;

  function str(depth: number): string {
    if (depth > 2 || rand() < 0.6) return `"${pick(WORDS)}"`;
    const parts: string[] = [];
    for (let i = 0, n = 1 + int(3); i < n; i++) {
      const r = rand();
      if (r < 0.4) parts.push(pick(WORDS));
      else if (r < 0.75) parts.push('${' + (rand() < 0.2 ? '~ ' : ' ') + expr(depth + 1, true) + (rand() < 0.2 ? ' ~' : ' ') + '}');
      else {
        // Strip markers on the directive's clauses, chosen from `r` so the random stream stays as it was.
        const strip = Math.floor(r * 1000) % 4;
        const open = strip === 1 || strip === 3 ? '%{~' : '%{';
        const close = strip >= 2 ? ' ~}' : ' }';
        if (r < 0.9) parts.push(`${open} if ${traversal()}${close}${pick(WORDS)}${open} else${close}x${open} endif${close}`);
        else parts.push(`${open} for ${rand() < 0.5 ? 'k, ' : ''}v in ${traversal()}${close}[\${v}]${open} endfor${close}`);
      }
    }
    return `"${parts.join('')}"`;
  }

  function heredoc(depth: number, indentLevel: string): string {
    const indented = rand() < 0.5;
    const marker = pick(['EOT', 'JSON', 'POLICY']);
    const pad = indented ? indentLevel + '  ' + ' '.repeat(int(3)) : '';
    const lines: string[] = [];
    for (let i = 0, n = int(4); i < n; i++) {
      const r = rand();
      // (HCL 2.10, inside hcl2-parser, rejects an indented heredoc whose last line is blank.)
      if (r < 0.15 && i < n - 1) lines.push('');
      else if (r < 0.5) lines.push(pad + ' '.repeat(int(3)) + `line ${i} \\n kept`);
      // Strip markers only in plain heredocs (HCL then computes a `<<-` heredoc's indentation differently).
      else if (!indented && r > 0.9) lines.push(`  \${~ ${expr(depth + 1, true)} ~}  after`);
      else lines.push(pad + `value \${${expr(depth + 1, true)}} $\${literal}`);
    }
    return `<<${indented ? '-' : ''}${marker}\n${lines.map((l) => l + '\n').join('')}${indented ? indentLevel + '  ' : ''}${marker}`;
  }

  function traversal(): string {
    let out = pick(['var', 'local', 'awscc_cognito_user_pool_client', 'each', 'module', 'data']);
    let legacy = false;
    let attrSplat = false;
    for (let i = 0, n = 1 + int(3); i < n; i++) {
      const r = rand();
      const wasLegacy = legacy;
      legacy = false;
      // HCL rejects a `.*` inside the `.name` chain of another `.*`.
      if (r < 0.6 || (r < 0.7 && wasLegacy) || (r >= 0.8 && r < 0.85 && attrSplat)) out += '.' + pick(['id', 'web', 'client_id', 'name', 'value', 'key']);
      else if (r < 0.7) {
        // HCL rejects chained legacy indexes (`.0.1`).
        out += '.' + int(4);
        legacy = true;
      }
      else if (r < 0.8) {
        out += '[*]';
        attrSplat = false;
      } else if (r < 0.85) {
        out += '.*';
        attrSplat = true;
      } else {
        out += `[${rand() < 0.5 ? int(9) : '"k"'}]`;
        attrSplat = false;
      }
    }
    return out;
  }

  function expr(depth: number, inline = false, indentLevel = '  '): string {
    const r = rand();
    if (depth > 3 || r < 0.25) {
      const leaf = rand();
      if (leaf < 0.2) return String(pick([0, 1, 42, 3.5, 1e3, 0.25, 1000000]));
      if (leaf < 0.3) return pick(['1e3', '2.5E-2', '007']);
      if (leaf < 0.4) return pick(['true', 'false', 'null']);
      if (leaf < 0.75) return str(depth);
      return traversal();
    }
    if (r < 0.35) {
      const items = Array.from({ length: int(4) }, () => expr(depth + 1, true));
      return `[${items.join(', ')}${items.length > 0 && rand() < 0.3 ? ',' : ''}]`;
    }
    if (r < 0.45) {
      const items = Array.from({ length: int(4) }, () => `${rand() < 0.7 ? ident() : '"' + pick(WORDS) + '"'} ${rand() < 0.8 ? '=' : ':'} ${expr(depth + 1, true)}`);
      if (inline || rand() < 0.5) return `{ ${items.join(', ')} }`;
      return `{\n${items.map((i) => indentLevel + '  ' + i + '\n').join('')}${indentLevel}}`;
    }
    if (r < 0.55) {
      const fn = pick(['upper', 'lower', 'merge', 'concat', 'format', 'lookup', 'length', 'try']);
      const args = Array.from({ length: int(3) }, () => expr(depth + 1, true));
      const expand = args.length > 0 && rand() < 0.15 ? '...' : '';
      return `${fn}(${args.join(', ')}${expand})`;
    }
    if (r < 0.65) return `${expr(depth + 1, true)} ${pick(['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||'])} ${expr(depth + 1, true)}`;
    // hcl2-parser evaluates constant operands, so `-true` would fail there: keep operand types sensible.
    if (r < 0.7) return rand() < 0.5 ? `-${pick(['var.x', '(1 + 2)', '5', '2.5'])}` : `!${pick(['var.x', 'true', 'false'])}`;
    // A constant non-bool condition would make hcl2-parser's evaluation fail, so conditions are references.
    if (r < 0.75) return `${traversal()} ? ${expr(depth + 1, true)} : ${expr(depth + 1, true)}`;
    if (r < 0.8) return `(${expr(depth + 1, true)})`;
    if (r < 0.86) {
      const vars = rand() < 0.5 ? 'k, v' : 'v';
      if (rand() < 0.5) return `[for ${vars} in ${traversal()} : ${expr(depth + 1, true)}${rand() < 0.4 ? ' if v != null' : ''}]`;
      return `{ for ${vars} in ${traversal()} : v => ${expr(depth + 1, true)}${rand() < 0.3 ? '...' : ''}${rand() < 0.3 ? ' if true' : ''} }`;
    }
    if (r < 0.9 && !inline) return heredoc(depth, indentLevel);
    return `${traversal()}[${int(3)}]`;
  }

  function body(depth: number, indent: string): string[] {
    const lines: string[] = [];
    // Attribute names must be unique within a body (HCL: "Attribute redefined").
    const used = new Set<string>();
    const attrName = () => {
      let name = ident();
      while (used.has(name)) name = ident() + '_' + used.size;
      used.add(name);
      return name;
    };
    for (let i = 0, n = 1 + int(5); i < n; i++) {
      const r = rand();
      if (r < 0.08) lines.push(`${indent}${pick(['# note', '// note', '/* note */'])}`);
      if (r < 0.25 && depth < 2) {
        const type = pick(BLOCK_TYPES);
        // A fixed label count per block type: hcl2json cannot merge blocks of one type with different counts.
        const labels = Array.from({ length: BLOCK_TYPES.indexOf(type) % 3 }, () => (rand() < 0.8 ? `"${pick(['awscc_cognito_user_pool_client', 'web', 'x y', 'é'])}"` : ident()));
        if (rand() < 0.2) lines.push(`${indent}${type} ${labels.join(' ')}${labels.length ? ' ' : ''}{ ${ident()} = ${expr(3, true)} }`);
        else {
          lines.push(`${indent}${type} ${labels.join(' ')}${labels.length ? ' ' : ''}{`);
          lines.push(...body(depth + 1, indent + '  '));
          lines.push(`${indent}}`);
        }
      } else {
        const value = expr(0, false, indent);
        // A heredoc's closing marker must be alone on its line.
        const comment = !value.startsWith('<<') && rand() < 0.1 ? ' # trailing' : '';
        lines.push(`${indent}${attrName()} = ${value}${comment}`);
      }
    }
    return lines;
  }

  const blocks: string[] = [];
  for (let i = 0, n = 1 + int(4); i < n; i++) {
    const kind = rand();
    if (kind < 0.5) blocks.push(`resource "awscc_cognito_user_pool_client" "c${i}" {\n${body(1, '  ').join('\n')}\n}`);
    else if (kind < 0.7) blocks.push(`locals {\n${body(1, '  ').join('\n')}\n}`);
    else if (kind < 0.85) blocks.push(`import {\n  to = awscc_cognito_user_pool_client.c${i}\n  id = "pool|client${i}"\n}`);
    else blocks.push(`top_${i} = ${expr(0)}`);
  }
  if (!options.legacyOnly && rand() < 0.3) blocks.push('output "arn" {\n  value = provider::aws::arn_parse(var.arn).region\n}');
  const eol = rand() < 0.1 ? '\r\n' : '\n';
  return blocks.join('\n\n').replace(/\n/g, eol) + eol;
}
