// `npm run bench`: runs each benchmark section, prints one table per section and, at the end, one JSON
// line with every row. Sections are a plain list: add yours below. A section returns plain row objects
// (any fields); the table shows the union of their fields, numbers rounded.
import { runParserBench } from './parserBench';
import { runFeatureBench } from './featureBench';
import { runHoverBench } from './hoverBench';
import { runDiagnosticsBench } from './diagnosticsBench';
import { runDescribeBench } from './describeBench';
import { runFreshProcessBench } from './freshProcessBench';

interface Section {
  name: string;
  run(): Promise<object[]>;
}

// BENCH_PARSER_SIZES=100,1000 limits the parser section's sizes (for a quick look).
const parserSizes = process.env.BENCH_PARSER_SIZES?.split(',').map(Number);

// BENCH_ONLY=parser,diagnostics runs only the named sections.
const only = process.env.BENCH_ONLY?.split(',');

const allSections: Section[] = [
  { name: 'parser', run: () => runParserBench(parserSizes) },
  { name: 'completion and hover over stdio (server-side and round trip)', run: () => runFeatureBench() },
  { name: 'hover in-process', run: async () => [runHoverBench()] },
  { name: 'diagnostics: keystroke to publication over stdio', run: () => runDiagnosticsBench() },
  { name: 'live describe: sequential vs concurrent (emulators)', run: () => runDescribeBench() },
  { name: 'fresh process over stdio: first impression and the large module', run: () => runFreshProcessBench() },
];
const sections = allSections.filter((s) => !only || only.some((o) => s.name.startsWith(o)));

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 3 : 1);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function formatTable(rows: object[]): string {
  const header: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  const body = rows.map((row) => header.map((key) => cell((row as Record<string, unknown>)[key])));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const all: { section: string; rows: object[] }[] = [];
  for (const section of sections) {
    const rows = await section.run();
    console.log(`\n## ${section.name}\n`);
    console.log(formatTable(rows));
    all.push({ section: section.name, rows });
  }
  console.log('\nBENCH_JSON ' + JSON.stringify({ node: process.version, cpus: require('node:os').cpus().length, sections: all }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
