/**
 * `npm run fuzz [-- --iterations N]`: drives every wire decoder with generated
 * and mutated input (default one million per decoder): no crash, no hang, no
 * wrong result. Exits non-zero on any failure. Tests run small samples of the same code.
 */
import { formatEscPosFuzzReport, runEscPosFuzz } from './fuzz-escpos';
import { formatFuzzReport, runGa467Fuzz } from './fuzz-ga467';

const i = process.argv.indexOf('--iterations');
const iterations = i >= 0 ? Number(process.argv[i + 1]) : 1_000_000;
if (!Number.isInteger(iterations) || iterations <= 0) {
  console.error('--iterations must be a positive integer');
  process.exit(64);
}

let failed = false;
console.log(`GA 467 frame decoder, ${iterations} streams…`);
const ga467 = runGa467Fuzz({ iterations });
console.log(formatFuzzReport(ga467));
failed ||= ga467.failures.length > 0;

console.log(`\nESC/POS status decoder and receipt parser, ${iterations} inputs…`);
const escpos = await runEscPosFuzz({ iterations });
console.log(formatEscPosFuzzReport(escpos));
failed ||= escpos.failures.length > 0;

process.exit(failed ? 1 : 0);
