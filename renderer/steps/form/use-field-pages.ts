/**
 * Elder mode's shorter form screens: the fields in pages of at most
 * {@link ELDER_FIELDS_PER_PAGE}, one page shown at a time (all values stay
 * in the draft whatever the page). A screen that opens with the host's
 * errors opens on the page of the first field with a problem. Outside elder
 * mode every field is on one page.
 */
import { useState } from 'react';
import type { FormField } from '../../../electron/contract';

/** Fields per page in elder mode (issue 15: fewer fields per screen). */
export const ELDER_FIELDS_PER_PAGE = 2;

/** The fields cut into pages of `perPage` (one empty page for no fields). */
export function fieldPages(fields: readonly FormField[], perPage: number): FormField[][] {
  const pages: FormField[][] = [];
  for (let at = 0; at < fields.length; at += perPage) pages.push(fields.slice(at, at + perPage));
  return pages.length > 0 ? pages : [[]];
}

/** The page (0-based) of the first field in `errors`, or 0. */
export function firstErrorPage(pages: readonly (readonly FormField[])[], errors: Readonly<Record<string, string>>): number {
  const index = pages.findIndex((page) => page.some((field) => errors[field.id] !== undefined));
  return index >= 0 ? index : 0;
}

export interface FieldPages {
  fields: readonly FormField[];
  /** 0-based. */
  page: number;
  count: number;
  isFirst: boolean;
  isLast: boolean;
  next(): void;
  previous(): void;
}

export function useFieldPages(fields: readonly FormField[], hostErrors: Readonly<Record<string, string>>, elderMode: boolean): FieldPages {
  const pages = fieldPages(fields, elderMode ? ELDER_FIELDS_PER_PAGE : Math.max(1, fields.length));
  const [wanted, setPage] = useState(() => firstErrorPage(pages, hostErrors));
  // Elder mode switched off (or on) while the screen is open: stay within the pages there are.
  const page = Math.min(wanted, pages.length - 1);
  return {
    fields: pages[page]!,
    page,
    count: pages.length,
    isFirst: page === 0,
    isLast: page === pages.length - 1,
    next: () => setPage(Math.min(page + 1, pages.length - 1)),
    previous: () => setPage(Math.max(page - 1, 0)),
  };
}
