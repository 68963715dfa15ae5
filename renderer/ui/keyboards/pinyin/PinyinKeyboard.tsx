/** Chinese keyboard for names and addresses: pinyin letters → candidate characters; switchable to Latin letters. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LatinKeys } from '../latin/LatinKeys';
import { BackspaceKey } from '../shared/BackspaceKey';
import { CharRow } from '../shared/CharRow';
import { ControlRow } from '../shared/ControlRow';
import { FeedbackLine, type FeedbackTone } from '../shared/FeedbackLine';
import { KeyButton } from '../shared/KeyButton';
import { KeyboardDisplay } from '../shared/KeyboardDisplay';
import { KeyboardFrame } from '../shared/KeyboardFrame';
import { DIGIT_ROW, LetterRows } from '../shared/LetterRows';
import { useConfirmOnce } from '../shared/use-confirm-once';
import { CandidateBar } from './CandidateBar';
import type { Candidate, PinyinLookup } from './pinyin-lookup';
import { usePinyinLookup, type PinyinLookupState } from './use-pinyin-lookup';

/** Props of {@link PinyinKeyboard}. */
export interface PinyinKeyboardProps {
  /** Called once with the trimmed text when 确认 is tapped (only when no pinyin is pending). */
  onConfirm: (text: string) => void;
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** `name`: surnames first for the first character, no digits; `address`: a digit row. */
  mode?: 'name' | 'address';
  /** Overrides the display's name (default 姓名 / 地址). */
  label?: string;
  /** Longest text accepted (default 20 for names, 60 for addresses). */
  maxLength?: number;
  /** Candidates per page (default 8). */
  pageSize?: number;
  elder?: boolean;
  /** Replaces the lazy index loader (tests, storybook). */
  loadLookup?: () => Promise<PinyinLookup>;
}

/** Longest pinyin buffer (a few syllables). */
const MAX_BUFFER = 24;
const DIGITS = Array.from(DIGIT_ROW);

function hintOf(
  t: (key: string, options?: Record<string, unknown>) => string,
  lookup: PinyinLookupState,
  buffer: string,
  candidates: readonly Candidate[],
): { tone: FeedbackTone; text: string } {
  switch (lookup.status) {
    case 'loading':
      return { tone: 'busy', text: t('keyboard.pinyin.loading') };
    case 'failed':
      return { tone: 'error', text: t('keyboard.pinyin.loadFailed') };
    case 'ready':
      if (buffer === '') return { tone: 'neutral', text: t('keyboard.pinyin.typeHint') };
      if (candidates.length === 0) return { tone: 'error', text: t('keyboard.pinyin.noMatch', { pinyin: buffer }) };
      return { tone: 'neutral', text: t('keyboard.pinyin.pickHint') };
    default: {
      const never: never = lookup;
      return never;
    }
  }
}

/** Letters fill a pinyin buffer; picking a candidate appends it and removes the pinyin it used. */
export function PinyinKeyboard({
  onConfirm,
  onChange,
  defaultValue = '',
  mode = 'name',
  label,
  maxLength = mode === 'name' ? 20 : 60,
  pageSize = 8,
  elder,
  loadLookup,
}: PinyinKeyboardProps): ReactElement {
  const { t } = useTranslation();
  const lookupState = usePinyinLookup(loadLookup);
  const [text, setText] = useState(defaultValue.slice(0, maxLength));
  const [buffer, setBuffer] = useState('');
  const [page, setPage] = useState(0);
  const [layout, setLayout] = useState<'pinyin' | 'latin'>('pinyin');
  const chars = Array.from(text);
  const full = chars.length >= maxLength;
  const candidates = lookupState.status === 'ready' ? lookupState.lookup.candidates(buffer, { surnameFirst: mode === 'name' && text === '' }) : [];
  const hint = hintOf(t, lookupState, buffer, candidates);
  const trimmed = text.trim();
  const confirm = useConfirmOnce(trimmed, onConfirm);
  const name = label ?? (mode === 'name' ? t('keyboard.pinyin.nameLabel') : t('keyboard.pinyin.addressLabel'));

  const updateText = (next: string): void => {
    const limited = Array.from(next).slice(0, maxLength).join('');
    setText(limited);
    onChange?.(limited);
  };
  const updateBuffer = (next: string): void => {
    setBuffer(next);
    setPage(0);
  };
  const pick = (c: Candidate): void => {
    updateText(text + c.text);
    updateBuffer(buffer.slice(c.consumed));
  };
  const backspace = (): void => {
    if (buffer !== '') updateBuffer(buffer.slice(0, -1));
    else updateText(chars.slice(0, -1).join(''));
  };
  const clear = (): void => {
    updateBuffer('');
    updateText('');
  };

  return (
    <KeyboardFrame variant="pinyin" elder={elder} label={name} testId="pinyin-keyboard">
      <KeyboardDisplay label={name} value={text} testId="pinyin-keyboard-display" />
      <FeedbackLine tone={hint.tone} text={hint.text} testId="pinyin-keyboard-feedback" />
      {layout === 'pinyin' ? (
        <>
          <CandidateBar
            buffer={buffer}
            candidates={candidates}
            page={page}
            pageSize={pageSize}
            onPage={setPage}
            onPick={pick}
            message={lookupState.status === 'ready' ? undefined : hint.text}
          />
          {mode === 'address' ? (
            <CharRow
              chars={DIGITS}
              onChar={(d) => updateText(text + d)}
              enabled={() => buffer === '' && !full}
              labelFor={(d) => t('keyboard.keys.key', { key: d })}
              label={t('keyboard.pinyin.digits')}
              className="kb-row--digits"
              testIdPrefix="pinyin-keyboard"
            />
          ) : null}
          <LetterRows
            testIdPrefix="pinyin-keyboard"
            onLetter={(l) => updateBuffer((buffer + l.toLowerCase()).slice(0, MAX_BUFFER))}
            enabled={() => !full && buffer.length < MAX_BUFFER}
            labelFor={(l) => t('keyboard.keys.key', { key: l.toLowerCase() })}
            show={(l) => l.toLowerCase()}
            lastRowEnd={<BackspaceKey onPress={backspace} disabled={buffer === '' && text === ''} testId="pinyin-keyboard-backspace" />}
          />
        </>
      ) : (
        <LatinKeys
          testIdPrefix="pinyin-keyboard-latin"
          onText={(c) => updateText(text + c)}
          onBackspace={backspace}
          backspaceDisabled={text === ''}
          full={full}
          digits={mode === 'address'}
        />
      )}
      <ControlRow
        testIdPrefix="pinyin-keyboard"
        onClear={clear}
        clearDisabled={text === '' && buffer === ''}
        onConfirm={confirm}
        confirmDisabled={trimmed === '' || buffer !== ''}
      >
        <KeyButton
          kind="function"
          label={layout === 'pinyin' ? t('keyboard.pinyin.toLatin') : t('keyboard.pinyin.toPinyin')}
          onPress={() => {
            updateBuffer('');
            setLayout(layout === 'pinyin' ? 'latin' : 'pinyin');
          }}
          testId="pinyin-keyboard-layout"
        >
          {layout === 'pinyin' ? t('keyboard.pinyin.toLatin') : t('keyboard.pinyin.toPinyin')}
        </KeyButton>
        {layout === 'pinyin' ? (
          <KeyButton
            className="kb-key--space"
            label={t('keyboard.keys.space')}
            onPress={() => updateText(`${text} `)}
            disabled={buffer !== '' || full}
            testId="pinyin-keyboard-space"
          >
            {t('keyboard.keys.space')}
          </KeyButton>
        ) : null}
      </ControlRow>
    </KeyboardFrame>
  );
}
