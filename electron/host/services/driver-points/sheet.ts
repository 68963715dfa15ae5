/**
 * The 驾驶人信息单 in its three forms: rows on the citizen's screen (keys and
 * language-neutral values), lines of the receipt slip and the values of the
 * A4 template (Chinese). The ID number (the licence number) is masked
 * everywhere, plates too (they sit beside where and when the driver's car
 * was); the name is masked on the slip, which is the easiest to leave behind.
 */
import { maskIdNumber, maskName, maskPlate } from '../../../../domain/mask';
import type { DetailRow } from '../../../contract';
import { formatChineseDate, formatChineseDateTime } from '../../issued/templates/chinese-date';
import type { TemplateVars } from '../../issued/templates/fill';
import type { LicenceStatus } from '../shared/traffic/driver-record';
import { paymentDueOn, type Violation } from '../shared/traffic/violations';
import type { DriverSheet } from './query';
import { wording } from './wording';

const key = (path: string) => `svc.driver-points.${path}`;

/** Points at which a period is 满分 (《道路交通安全违法行为记分管理办法》 art. 3). */
export const FULL_POINTS = 12;

/** Violations the screen lists (three rows each, within the view's 24 rows); the printed sheets list them all. */
export const SCREEN_VIOLATIONS = 5;

/** The service's zh-CN words by path (`notes.status.revoked`), for what is printed. */
function zh(path: string): string {
  let node: unknown = wording['zh-CN'];
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`driver-points: no zh-CN words at ${path}`);
  return node;
}

/** Yuan without trailing zeros: 20000 fen → 200, 5050 → 50.50. */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

const at = (violation: Violation) => violation.occurredAt.replace('T', ' ');
/** A date in the official form (2026年3月2日); the back-end's schema guarantees the input's shape. */
const cnDate = (iso: string) => formatChineseDate(iso) ?? iso;

/** The notes that tell the driver what the record means for them and what to do (at most four). */
export function sheetNoteKeys(sheet: DriverSheet): string[] {
  const { status } = sheet.record.licence;
  const statusNote = (value: LicenceStatus): string | null => (value === 'normal' ? null : key(`notes.status.${value}`));
  // Another status already says what the licence allows; 满分 on a licence still 正常 needs its own word.
  const full = sheet.record.points.current >= FULL_POINTS && status === 'normal';
  return [statusNote(status), full ? key('notes.fullPoints') : null, sheet.violations.length > 0 ? key('notes.pending') : null, key('notes.cycle')].filter(
    (note): note is string => note !== null,
  );
}

/** The screen: the licence, the points and each violation not yet handled (the first {@link SCREEN_VIOLATIONS}). */
export function sheetRows(sheet: DriverSheet): DetailRow[] {
  const { record, violations } = sheet;
  const { licence, points } = record;
  const shown = violations.slice(0, SCREEN_VIOLATIONS);
  return [
    { labelKey: key('sheet.name'), text: record.name },
    { labelKey: key('sheet.idNumber'), text: maskIdNumber(licence.number) },
    { labelKey: key('sheet.classes'), text: licence.classes },
    licence.validUntil === 'long-term' ? { labelKey: key('sheet.validUntil'), textKey: key('sheet.longTerm') } : { labelKey: key('sheet.validUntil'), text: licence.validUntil },
    { labelKey: key('sheet.status'), textKey: key(`statuses.${licence.status}`) },
    { labelKey: key('sheet.points'), text: String(points.current) },
    { labelKey: key('sheet.cycle'), text: `${points.cycleFrom} – ${points.cycleTo}` },
    { labelKey: key('sheet.pending'), text: String(violations.length) },
    ...shown.flatMap((violation) => [
      { labelKey: key('sheet.violationWhen'), text: `${at(violation)} · ${violation.place}` },
      { labelKey: key('sheet.violationWhat'), text: `${violation.behaviour} · ${maskPlate(violation.plate)}` },
      { labelKey: key('sheet.violationPenalty'), text: `${yuan(violation.fineFen)} / ${violation.points}` },
    ]),
    ...(violations.length > shown.length ? [{ labelKey: key('sheet.moreViolations'), text: String(violations.length - shown.length) }] : []),
  ];
}

/** A violation in one printed line; a decided one says until when its fine is due. */
function violationLine(violation: Violation, time: string): string {
  const due = violation.decidedOn ? `，已作出处罚决定，罚款缴纳期限至${cnDate(paymentDueOn(violation.decidedOn))}` : '';
  return `${time}，${violation.place}，${violation.behaviour}，号牌${maskPlate(violation.plate)}，罚款${yuan(violation.fineFen)}元，记${violation.points}分${due}。`;
}

const validity = (sheet: DriverSheet, date: (iso: string) => string, longTerm: string) => {
  const { validFrom, validUntil } = sheet.record.licence;
  return `${date(validFrom)}至${validUntil === 'long-term' ? longTerm : date(validUntil)}`;
};

/** The receipt slip (its title is the service's, its notes the screen's, in Chinese). */
export function slipContent(sheet: DriverSheet): { title: string; lines: Array<{ label: string; value: string }>; notes: string[] } {
  const { record, violations } = sheet;
  const { licence, points } = record;
  return {
    title: zh('slip.title'),
    lines: [
      { label: '姓名', value: maskName(record.name) },
      { label: '驾驶证号', value: maskIdNumber(licence.number) },
      { label: '准驾车型', value: licence.classes },
      { label: '有效期限', value: validity(sheet, (iso) => iso, '长期') },
      { label: '驾驶证状态', value: zh(`statuses.${licence.status}`) },
      { label: '记分周期', value: `${points.cycleFrom}至${points.cycleTo}` },
      { label: '累积记分', value: `${points.current}分` },
      { label: '未处理违法', value: `${violations.length}起` },
      ...violations.map((violation, i) => ({ label: `违法${i + 1}`, value: violationLine(violation, at(violation)) })),
    ],
    notes: sheetNoteKeys(sheet).map((noteKey) => zh(noteKey.replace('svc.driver-points.', ''))),
  };
}

/** The A4 template's values (`info-sheet.template.json`); `{{number}}` is the kiosk journal's. */
export function a4Vars(sheet: DriverSheet, printedOn: string, hall: string): TemplateVars {
  const { record, violations } = sheet;
  const { licence, points } = record;
  return {
    name: record.name,
    idNumber: maskIdNumber(licence.number),
    classes: licence.classes,
    firstIssuedOn: cnDate(licence.firstIssuedOn),
    validity: validity(sheet, cnDate, '长期'),
    status: zh(`statuses.${licence.status}`),
    issuingAuthority: licence.issuingAuthority,
    cycle: `${cnDate(points.cycleFrom)}至${cnDate(points.cycleTo)}`,
    points: String(points.current),
    pendingCount: String(violations.length),
    violations: violations.map((violation) => violationLine(violation, formatChineseDateTime(violation.occurredAt) ?? at(violation))),
    noViolations: violations.length === 0 ? '没有未处理的交通违法记录。' : '',
    notes: sheetNoteKeys(sheet).map((noteKey) => zh(noteKey.replace('svc.driver-points.', ''))),
    printedOn: cnDate(printedOn),
    hall,
  };
}
