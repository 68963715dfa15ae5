/**
 * `npm run fuzz [-- --iterations N] [--only name[,name…]] [--seed S] [--hang-ms MS]`:
 * drives every wire decoder and every contract message schema with generated
 * and mutated input (default one million per fuzzer): GA 467 frames
 * (`ga467`), the card's appended address (`appended-address`), ESC/POS
 * status and receipt parsing (`escpos`), HID report
 * de-framing (`hid`), the scanner's line decoder (`scanner`), the payment
 * service's signed notifications (`payment`), the fingerprint
 * scanner's FP-HID reports and chunk reassembly (`fingerprint`), the
 * endorsement writer's APDUs and permit records (`endorsement`) and the
 * contract's call, result and event messages (`contract`). No crash, no hang,
 * no wrong result; exits non-zero on any failure. Each fuzzer runs in a worker
 * thread under a hang watchdog (scripts/fuzz/runner.ts). Tests run small
 * samples of the same code.
 */
import { runCli } from './fuzz/runner';

await runCli(process.argv.slice(2));
