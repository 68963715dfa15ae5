/**
 * 逐条选择: records the host found (e.g. traffic violations), each a card with
 * its details and images (touch one to see it large); the citizen marks
 * each one offered "处理" (take on here) or "到窗口" (set aside); one not
 * offered shows why. CONFIRM sends the ids taken on; the host decides.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import { DetailList } from '../details/DetailList';
import { NoteList } from '../details/NoteList';
import './SelectionStep.css';

/** `data-testid="selection-step"`: `selection-item-<id>` cards with `selection-take-<id>` / `selection-aside-<id>`, `selection-image-<id>-<n>`, and `selection-confirm`. */
export function SelectionStep({ view, data, send, accepts }: StepProps<'selection'>): ReactElement {
  const { t } = useTranslation();
  useStepVoice(view, 'voice.flow.selection', true);
  const [taken, setTaken] = useState<ReadonlySet<string>>(() => new Set(data.items.filter((item) => item.selectable).map((item) => item.id)));
  const [large, setLarge] = useState<{ src: string; alt: string } | null>(null);
  const chosen = data.items.filter((item) => item.selectable && taken.has(item.id)).map((item) => item.id);
  const mark = (id: string, take: boolean) =>
    setTaken((previous) => {
      const next = new Set(previous);
      if (take) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section className="step flow-step" data-testid="selection-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      <p className="flow-step__lead">{t('flow.selection.lead')}</p>
      <ol className="selection-items">
        {data.items.map((item, index) => (
          <li key={item.id} className={`selection-item${item.selectable ? '' : ' selection-item--unavailable'}`} data-testid={`selection-item-${item.id}`}>
            <h2 className="selection-item__title">{t('flow.selection.item', { n: index + 1 })}</h2>
            <DetailList rows={item.rows} testId={`selection-details-${item.id}`} />
            {item.images.length > 0 ? (
              <div className="selection-item__images">
                {item.images.map((image, n) => (
                  <button
                    type="button"
                    key={n}
                    className="selection-item__thumb"
                    data-testid={`selection-image-${item.id}-${n}`}
                    aria-label={t('flow.selection.enlarge', { n: n + 1 })}
                    onClick={() => setLarge({ src: image.dataUrl, alt: t(image.altKey) })}
                  >
                    <img src={image.dataUrl} alt={t(image.altKey)} />
                  </button>
                ))}
              </div>
            ) : null}
            {item.selectable ? (
              <div className="selection-item__actions" role="group" aria-label={t('flow.selection.item', { n: index + 1 })}>
                <TouchButton variant={taken.has(item.id) ? 'primary' : 'secondary'} aria-pressed={taken.has(item.id)} data-testid={`selection-take-${item.id}`} onPress={() => mark(item.id, true)}>
                  {t('flow.selection.take')}
                </TouchButton>
                <TouchButton variant={taken.has(item.id) ? 'secondary' : 'primary'} aria-pressed={!taken.has(item.id)} data-testid={`selection-aside-${item.id}`} onPress={() => mark(item.id, false)}>
                  {t('flow.selection.aside')}
                </TouchButton>
              </div>
            ) : (
              <p className="selection-item__reason" data-testid={`selection-reason-${item.id}`}>
                {item.reasonKey ? t(item.reasonKey) : t('flow.selection.notHere')}
              </p>
            )}
          </li>
        ))}
      </ol>
      <NoteList keys={data.noteKeys} />
      <p className="selection-summary" data-testid="selection-summary">
        {t('flow.selection.summary', { taken: chosen.length, aside: data.items.length - chosen.length })}
      </p>
      <div className="flow-actions">
        {accepts('SELECT') ? (
          <TouchButton data-testid="selection-confirm" disabled={chosen.length < data.minSelected} onPress={() => send({ type: 'SELECT', values: chosen })}>
            {t('flow.selection.confirm')}
          </TouchButton>
        ) : null}
      </div>
      {large ? (
        <div className="selection-large" role="dialog" aria-modal="true" aria-label={large.alt} data-testid="selection-large">
          <img src={large.src} alt={large.alt} />
          <TouchButton data-testid="selection-large-close" onPress={() => setLarge(null)}>
            {t('flow.selection.close')}
          </TouchButton>
        </div>
      ) : null}
    </section>
  );
}
