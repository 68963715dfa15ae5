/** A modal dialog over the whole screen: labelled, announced, focus moved into it. */
import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import './Dialog.css';

/** Props of {@link Dialog}. */
export interface DialogProps {
  title: string;
  /** Body text or elements (the dialog's description). */
  children?: ReactNode;
  /** The dialog's buttons, biggest first. */
  actions: ReactNode;
  /** `alertdialog` for something that needs an answer (the idle countdown). */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  tone?: 'info' | 'warn';
}

/** Renders in place (the kiosk has one layer); the first button gets focus so a screen reader starts there. */
export function Dialog({ title, children, actions, role = 'dialog', testId, tone = 'info' }: DialogProps): ReactElement {
  const titleId = useId();
  const bodyId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div ref={panel} className={`dialog dialog--${tone}`} role={role} aria-modal="true" aria-labelledby={titleId} aria-describedby={children ? bodyId : undefined} data-testid={testId}>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children ? (
          <div id={bodyId} className="dialog__body">
            {children}
          </div>
        ) : null}
        <div className="dialog__actions">{actions}</div>
      </div>
    </div>
  );
}
