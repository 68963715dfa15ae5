/**
 * The document pages and PDFs one session holds, in its `session.data`, by
 * document capture step and paper. Only the host's own files are kept (the
 * re-encoded page, the PDF it made). The holder zero-fills every buffer when
 * the session store wipes the session (`wipe`), so a page does not linger in
 * memory until it is collected.
 */
import type { ActiveSession } from '../../session/session-store';

/** A page the host checked and kept. */
export interface KeptPage {
  pageId: string;
  stepId: string;
  paper: string;
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** Pages a session may hold, whatever its steps ask (deleted pages are gone, retakes count again). */
export const MAX_SESSION_PAGES = 60;

const KEY = 'documents.pages';

/** One session's pages and PDFs. */
export class SessionPages {
  private pages: KeptPage[] = [];
  private readonly pdfs = new Map<string, Uint8Array>();

  /** Keeps a page; false when the session holds {@link MAX_SESSION_PAGES} already. */
  add(page: KeptPage): boolean {
    if (this.pages.length >= MAX_SESSION_PAGES) return false;
    this.pages.push(page);
    return true;
  }

  /** The page, if this session keeps it for that step and paper. */
  find(stepId: string, paper: string, pageId: string): KeptPage | undefined {
    return this.pages.find((page) => page.pageId === pageId && page.stepId === stepId && page.paper === paper);
  }

  /** Deletes a page (its bytes zero-filled); false when there is none. */
  delete(stepId: string, paper: string, pageId: string): boolean {
    const page = this.find(stepId, paper, pageId);
    if (!page) return false;
    page.jpeg.fill(0);
    this.pages = this.pages.filter((kept) => kept !== page);
    return true;
  }

  count(): number {
    return this.pages.length;
  }

  setPdf(stepId: string, paper: string, pdf: Uint8Array): void {
    this.pdfs.get(pdfKey(stepId, paper))?.fill(0);
    this.pdfs.set(pdfKey(stepId, paper), pdf);
  }

  pdf(stepId: string, paper: string): Uint8Array | undefined {
    return this.pdfs.get(pdfKey(stepId, paper));
  }

  /** Zero-fills and drops everything (the session ended). */
  wipe(): void {
    for (const page of this.pages) page.jpeg.fill(0);
    for (const pdf of this.pdfs.values()) pdf.fill(0);
    this.pages = [];
    this.pdfs.clear();
  }
}

const pdfKey = (stepId: string, paper: string) => `${stepId}/${paper}`;

/** The session's pages (created on first use). */
export function sessionPages(session: ActiveSession): SessionPages {
  const held = session.data.get(KEY);
  if (held instanceof SessionPages) return held;
  const pages = new SessionPages();
  session.data.set(KEY, pages);
  return pages;
}
