/** Document data for tests: invented people, rare name characters beyond GB 2312. */
import type { UnnumberedDocument } from '../../../../electron/host/documents';

/** 喆 堃 龑 are outside GB 2312; 䶮 is CJK Ext A. */
export const RARE_NAME = '欧阳喆堃龑䶮';

export const certificate = (overrides: Partial<Extract<UnnumberedDocument, { type: 'noCriminalRecord' }>> = {}): UnnumberedDocument => ({
  type: 'noCriminalRecord',
  name: RARE_NAME,
  idDocumentType: '居民身份证',
  idNumber: '11010519491231002X',
  queryDate: '2026-11-29',
  issueDate: '2026-11-29',
  issuingOffice: '平顶山市公安局城乡一体化示范区分局湖滨派出所',
  verifyCode: 'A7K9-2QXM-88PT',
  verifyUrl: 'https://verify.example.invalid/c/A7K9-2QXM-88PT',
  ...overrides,
});
