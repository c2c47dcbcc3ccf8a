// The V8 flags a process that checks documents runs under: the language server's core and the CLI. The
// caller passes v8.setFlagsFromString, so that this module stays free of Node APIs. serverLoader.ts sets them
// before it compiles the core bundle, so that the core's code cache is made and checked under them (V8
// rejects a cache made under other flags), and serverCore.ts again for runs without the loader; node:v8 is
// loaded only then (~3 ms that `initialize` need not wait for). The CLI sets them when it starts: every
// `check` is a first check.
//
// --no-allocation-site-pretenuring: V8 moves objects from allocation sites whose objects tended to survive
//   straight into the old generation. A first diagnostics run builds and drops a body's objects per block,
//   and after a few blocks V8 tenured them all: at 10,000 blocks ~120 MB of dead bodies waited in the old
//   generation for a full collection. Measured from outside on a 10,000-block file: peak RSS 331 -> 258 MB
//   and 4.0 -> 3.3 s of CPU for the first publication; no change at 1,000 blocks or on keystrokes.
// --no-turbo-inlining: a first diagnostics run is spent mostly in code V8 has not optimised yet, and the
//   optimising compiler, which runs beside it on another core, takes far longer per function when it
//   inlines the callees. Without inlining, functions reach optimised code sooner: a fresh server's first
//   check of the 1,000-block module took ~560 instead of ~625 ms (8 alternating runs each), first checks of
//   smaller realistic modules ~100 instead of ~170 ms; 10 and 10,000 blocks, keystrokes, completion and
//   hover measured the same. See docs/performance.md.
export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring', '--no-turbo-inlining'];

/** Sets each flag with `set` (v8.setFlagsFromString); a runtime without one of them goes on without it. */
export function setV8Flags(set: (flag: string) => void): void {
  for (const flag of V8_FLAGS) {
    try {
      set(flag);
    } catch {
      // only speed or memory is at stake
    }
  }
}
