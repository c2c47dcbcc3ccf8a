// `npm run bench`: runs each benchmark section and prints a table plus one JSON line with every row.
// Sections are a plain list: add yours below.
import { runParserBench, type Row } from './parserBench';

interface Section {
  name: string;
  run(): Promise<Row[]>;
}

const sections: Section[] = [{ name: 'parser', run: () => runParserBench() }];

function format(rows: Row[]): string {
  const header = ['section', 'name', 'blocks', 'bytes', 'ms', 'x scan', 'runs', 'note'];
  const body = rows.map((r) => [r.section, r.name, String(r.blocks), String(r.bytes), r.ms === undefined ? '-' : r.ms.toFixed(r.ms < 10 ? 3 : 1), r.xScan === undefined ? '' : r.xScan.toFixed(2), String(r.runs), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const all: Row[] = [];
  for (const section of sections) {
    const rows = await section.run();
    console.log(`\n## ${section.name}\n`);
    console.log(format(rows));
    all.push(...rows);
  }
  console.log('\nBENCH_JSON ' + JSON.stringify({ node: process.version, cpus: require('node:os').cpus().length, rows: all }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
