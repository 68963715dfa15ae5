/** Document requests for tests: invented people, rare name characters beyond GB 2312. */
import { readFileSync } from 'node:fs';
import certificateTemplate from '../../../../electron/host/services/no-criminal-record/certificate.template.json' with { type: 'json' };
import { formatChineseDate, type DocumentRequest, type TemplateVars } from '../../../../electron/host/issued';

/** 喆 堃 龑 are outside GB 2312; 䶮 is CJK Ext A. */
export const RARE_NAME = '欧阳喆堃龑䶮';

/** The number the back-end issued, as printed on the certificate. */
export const BACKEND_NUMBER = 'WFZ2026-000042';

/** The placeholder seal standing in for the back-end's electronic seal (a PNG). */
export const SEAL_PNG = new Uint8Array(readFileSync(new URL('../../../../resources/seal/placeholder-seal.png', import.meta.url)));

export { certificateTemplate };

/** The certificate's fields as a service fills them (dates already in the printed form). */
export const certificateVars = (overrides: TemplateVars = {}): TemplateVars => ({
  name: RARE_NAME,
  idDocumentType: '居民身份证',
  idNumber: '11010519491231002X',
  queryDate: formatChineseDate('2026-11-29'),
  issueDate: formatChineseDate('2026-11-29'),
  issuingOffice: '平顶山市公安局城乡一体化示范区分局湖滨派出所',
  verifyCode: 'A7K9-2QXM-88PT',
  verifyTarget: 'https://verify.example.invalid/c/A7K9-2QXM-88PT',
  ...overrides,
});

/** A 无犯罪记录证明 request: the back-end's number printed, no seal unless given. */
export const certificate = (overrides: TemplateVars = {}, request: Partial<DocumentRequest> = {}): DocumentRequest => ({
  kind: 'noCriminalRecord',
  template: certificateTemplate,
  vars: certificateVars(overrides),
  printedNumber: BACKEND_NUMBER,
  ...request,
});
