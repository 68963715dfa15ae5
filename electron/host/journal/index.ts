/** The station journal: SQLite (WAL) with numbered migrations. */
export { openJournal, type Journal, type JournalError, type OpenJournalOptions } from './open-journal';
export { MIGRATIONS, migrate, type Migration, type MigrationError } from './migrations';
export { createDocumentNumbers, formatDocumentNumber, TYPE_CODES, type DocumentNumbers } from './document-numbers';
export { createDocumentsRepo, type DocumentRecord, type DocumentsRepo, type ReprintClaimError, type RecordedOutcome } from './documents-repo';
