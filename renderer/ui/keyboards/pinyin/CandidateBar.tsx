/** The row of Chinese characters to pick from, with big ◀ ▶ paging. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../shared/KeyButton';
import type { Candidate } from './pinyin-lookup';

/** Props of {@link CandidateBar}. */
export interface CandidateBarProps {
  /** The pinyin typed so far (shown at the start of the bar). */
  buffer: string;
  candidates: readonly Candidate[];
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPick: (candidate: Candidate) => void;
  /** A message instead of candidates (loading, no match, hint). */
  message?: string;
}

/** ◀ [拼音] 张 章 … ▶ — each candidate a key with its number and text as its name. */
export function CandidateBar({ buffer, candidates, page, pageSize, onPage, onPick, message }: CandidateBarProps): ReactElement {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(candidates.length / pageSize));
  const shown = candidates.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <div className="kb-candidates" role="group" aria-label={t('keyboard.pinyin.candidates')}>
      <div className="kb-candidates__buffer" aria-label={t('keyboard.pinyin.buffer')} data-testid="pinyin-buffer" data-kb-data="">
        {buffer}
      </div>
      <KeyButton
        kind="function"
        className="kb-key--page"
        label={t('keyboard.pinyin.previous')}
        onPress={() => onPage(page - 1)}
        disabled={page === 0}
        testId="pinyin-previous"
      >
        <span aria-hidden="true">◀</span>
      </KeyButton>
      <div className="kb-candidates__list" data-kb-data="">
        {message !== undefined ? (
          <span className="kb-candidates__message">{message}</span>
        ) : (
          shown.map((c, i) => {
            const index = page * pageSize + i + 1;
            return (
              <KeyButton
                key={`${c.kind}-${c.text}-${index}`}
                className={`kb-key--candidate${c.kind === 'phrase' ? ' kb-key--phrase' : ''}`}
                label={c.kind === 'phrase' ? t('keyboard.pinyin.phrase', { text: c.text }) : t('keyboard.pinyin.candidate', { index, text: c.text })}
                onPress={() => onPick(c)}
                lang="zh-CN"
                testId="pinyin-candidate"
              >
                {c.text}
              </KeyButton>
            );
          })
        )}
      </div>
      <KeyButton
        kind="function"
        className="kb-key--page"
        label={t('keyboard.pinyin.next')}
        onPress={() => onPage(page + 1)}
        disabled={page >= pages - 1}
        testId="pinyin-next"
      >
        <span aria-hidden="true">▶</span>
      </KeyButton>
      {candidates.length > pageSize ? (
        <span className="kb-candidates__page" data-testid="pinyin-page">
          {t('keyboard.pinyin.page', { page: page + 1, pages })}
        </span>
      ) : null}
    </div>
  );
}
