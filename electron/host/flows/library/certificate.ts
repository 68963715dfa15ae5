/**
 * A certificate the back-end issues, as an A4 document: the back-end's
 * number printed as 编号, its electronic seal drawn, its verification code
 * and URL for the QR footer. For the a4Print step's `prepare` and
 * `receipt`, so every certificate service prints the same way.
 */
import { err, ok } from '../../../../domain/result';
import type { TemplateVars } from '../../issued/templates/fill';
import type { CertificateIssueRequest, IssuedCertificate } from '../../gateway/police-gateway';
import type { CollectionReceiptRequest } from '../ports';
import type { PreparedDocument } from './a4-print';
import type { FlowContext, PrintRecord } from './context';
import type { FlowKit } from './kit';

export interface CertificateDocument {
  /** The document's kind in the journal and the back-end's certificate type, e.g. `noCriminalRecord`. */
  kind: string;
  /** The template from the service's folder. */
  template: unknown;
  /** Same key, same certificate (retries and reprints never make a second one). */
  idempotencyKey: string;
  holder: CertificateIssueRequest['holder'];
  /** What the certificate states, as the back-end records it. */
  facts: Record<string, string>;
  /** The template's values; `verifyCode`, `verifyTarget` and `issuingOffice` are added from the issued certificate. */
  vars: (certificate: IssuedCertificate) => TemplateVars;
}

/** Asks the back-end to issue the certificate and builds its document; no number from the back-end, no document. */
export async function issueCertificateDocument(kit: FlowKit, certificate: CertificateDocument): Promise<PreparedDocument> {
  const issued = await kit.gateway.issueCertificate({
    type: certificate.kind,
    kioskId: kit.kioskId,
    idempotencyKey: certificate.idempotencyKey,
    holder: certificate.holder,
    facts: certificate.facts,
  });
  if (!issued.ok) return err('numberUnavailable');
  const value = issued.value;
  return ok({
    printedNumber: value.number,
    verifyCode: value.verifyCode,
    request: {
      kind: certificate.kind,
      template: certificate.template,
      printedNumber: value.number,
      seal: { imagePng: value.seal.imagePng },
      vars: { issuingOffice: value.issuingOffice, verifyCode: value.verifyCode, verifyTarget: value.verifyUrl, ...certificate.vars(value) },
    },
  });
}

/** The collection slip of a certificate: the printed (back-end's) number, its verification code, the holder masked. */
export function certificateReceipt(kit: FlowKit, nameOf: (context: FlowContext) => string | null) {
  return (context: FlowContext, print: PrintRecord): CollectionReceiptRequest => ({
    sessionId: context.sessionId,
    serviceName: kit.serviceName['zh-CN'],
    documentNumber: print.printedNumber ?? print.documentNumber ?? '',
    verifyCode: print.verifyCode,
    name: nameOf(context),
    idNumberMasked: context.identity?.idNumberMasked ?? '',
    issuedAt: kit.now(),
  });
}
