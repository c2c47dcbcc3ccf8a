// Terraform version constraints (`>= 1.5, < 2.0`, `~> 1.7`, `= 1.6.2`, `!= 1.8.0`): does a constraint
// leave room for some version at or above a minimum? Used to warn when a module pins Terraform or a
// provider below the version a feature needs.

export type Version = [number, number, number];

interface Bound {
  version: Version;
  inclusive: boolean;
}

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * True when some version >= `minimum` satisfies every clause of `constraint`; undefined when the constraint
 * cannot be read (then no rule should fire).
 */
export function allowsAtLeast(constraint: string, minimum: string): boolean | undefined {
  const min = parseVersion(minimum);
  if (!min) return undefined;
  let lower: Bound = { version: min, inclusive: true };
  let upper: Bound | undefined;
  const raiseLower = (b: Bound) => {
    const c = compareVersions(b.version, lower.version);
    if (c > 0 || (c === 0 && !b.inclusive)) lower = b;
  };
  const dropUpper = (b: Bound) => {
    if (!upper) return void (upper = b);
    const c = compareVersions(b.version, upper.version);
    if (c < 0 || (c === 0 && !b.inclusive)) upper = b;
  };
  for (const raw of constraint.split(',')) {
    const clause = raw.trim();
    if (!clause) continue;
    const m = /^(>=|<=|~>|!=|=|>|<)?\s*(\S+)$/.exec(clause);
    if (!m) return undefined;
    const op = m[1] ?? '=';
    const v = parseVersion(m[2]);
    if (!v) return undefined;
    const parts = m[2].replace(/^v/, '').split(/[-+]/)[0].split('.').length;
    switch (op) {
      case '>=':
        raiseLower({ version: v, inclusive: true });
        break;
      case '>':
        raiseLower({ version: v, inclusive: false });
        break;
      case '<=':
        dropUpper({ version: v, inclusive: true });
        break;
      case '<':
        dropUpper({ version: v, inclusive: false });
        break;
      case '=':
        raiseLower({ version: v, inclusive: true });
        dropUpper({ version: v, inclusive: true });
        break;
      case '~>': {
        // Only the last given part may grow: `~> 1.7` is >= 1.7, < 2.0; `~> 1.7.0` is >= 1.7.0, < 1.8.0.
        raiseLower({ version: v, inclusive: true });
        const next: Version = parts >= 3 ? [v[0], v[1] + 1, 0] : [v[0] + 1, 0, 0];
        dropUpper({ version: next, inclusive: false });
        break;
      }
      case '!=':
        // Excludes one version only; it cannot empty an interval by itself in practice.
        break;
    }
  }
  if (!upper) return true;
  const c = compareVersions(lower.version, upper.version);
  return c < 0 || (c === 0 && lower.inclusive && upper.inclusive);
}
