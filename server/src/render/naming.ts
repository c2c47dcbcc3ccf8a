// Terraform resource names from app client names. A name must match `^[a-zA-Z_][a-zA-Z0-9_-]*$` and be
// unique among the module's resources of the type; we also keep them lower snake_case, the common style.

/** A valid Terraform name for `raw` (may collide; see `NameAllocator`). `fallback` is used when nothing usable is left. */
export function terraformName(raw: string | undefined, fallback = 'client'): string {
  const ascii = (raw ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é → e
    .toLowerCase();
  let name = ascii.replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (name.length === 0) name = fallback;
  if (/^[0-9]/.test(name)) name = `client_${name}`;
  // Very long names are legal but unreadable in plans; keep them to a sensible length.
  if (name.length > 64) name = name.slice(0, 64).replace(/_+$/, '');
  return name;
}

export const VALID_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** Hands out names that are unique against the names already taken (the module's and earlier ones). */
export class NameAllocator {
  private readonly taken: Set<string>;

  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }

  allocate(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
