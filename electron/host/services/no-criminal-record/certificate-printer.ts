/**
 * How this service prints the certificate on A4: an interface the
 * composition root implements over the documents module (render, number,
 * CUPS print, one reprint), so the flow is tested with a fake.
 */

/** What goes on the 无犯罪记录证明 (the printer allocates the printed number). */
export interface CertificateRequest {
  sessionId: string;
  name: string;
  /** 证件类型, e.g. 居民身份证. */
  idDocumentType: string;
  idNumber: string;
  /** 查询截止日期 `YYYY-MM-DD`. */
  queryDate: string;
  issuingOffice: string;
  /** 出具日期 `YYYY-MM-DD`. */
  issueDate: string;
  verifyCode?: string;
  verifyUrl?: string;
  /** The back-end's number for this certificate (for the record; printers may show it). */
  backendNumber: string;
}

/** A truthful print outcome: printed only when the printer says so. */
export type CertificatePrintOutcome =
  | { kind: 'printed'; documentNumber: string }
  | {
      kind: 'notPrinted';
      /** Null when nothing was issued (e.g. rendering failed before a number existed). */
      documentNumber: string | null;
      /** i18n key, e.g. `print.paperOut`. */
      messageKey: string;
      /** Whether the same document may be printed again (one reprint). */
      reprintable: boolean;
    };

export interface CertificatePrinter {
  printCertificate(request: CertificateRequest): Promise<CertificatePrintOutcome>;
  /** Prints the same document again (the documents module allows one reprint). */
  reprintCertificate(documentNumber: string): Promise<CertificatePrintOutcome>;
}
