/** Officers allowed at the kiosks (supervisor only): the list, masked; add with local checks; remove after a confirm. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskStaffView } from '../../contract/console-api';
import type { ConsoleApi } from '../api/console-api';
import { dateTime } from '../format';
import { wordFailure } from '../ui/words';
import { checkStaffDraft, type StaffDraft, type StaffField, type StaffProblem } from './staffForm';

const EMPTY: StaffDraft = { staffNumber: '', name: '', idNumber: '', role: 'officer', pin: '' };

export function StaffScreen({ api }: { api: ConsoleApi }) {
  const { t, i18n } = useTranslation();
  const [staff, setStaff] = useState<KioskStaffView[]>([]);
  const [draft, setDraft] = useState<StaffDraft>(EMPTY);
  const [problems, setProblems] = useState<StaffProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void api.staff().then((result) => {
      if (!current) return;
      if (result.ok) setStaff(result.value);
      setFailure(result.ok ? null : wordFailure(t, result.error));
    });
    return () => {
      current = false;
    };
  }, [api, t]);

  const wordProblem = (problem: StaffProblem): string => ('message' in problem ? (i18n.language.startsWith('en') ? problem.message.en : problem.message.zh) : t(problem.key));
  const problemFor = (field: StaffField): string | null => {
    const found = problems.find((problem) => problem.field === field);
    return found ? wordProblem(found) : null;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setNotice(null);
    const checked = checkStaffDraft(draft);
    if (!checked.ok) {
      setProblems(checked.error);
      return;
    }
    setProblems([]);
    const result = await api.addStaff(checked.value);
    if (!result.ok) {
      setFailure(wordFailure(t, result.error));
      return;
    }
    setFailure(null);
    setDraft(EMPTY);
    setNotice(t('staff.added', { staffNumber: result.value.staffNumber }));
    setStaff((list) => [...list.filter((entry) => entry.staffNumber !== result.value.staffNumber), result.value]);
  };

  const remove = async (staffNumber: string): Promise<void> => {
    setConfirming(null);
    const result = await api.removeStaff(staffNumber);
    setFailure(result.ok ? null : wordFailure(t, result.error));
    if (result.ok) setStaff((list) => list.filter((entry) => entry.staffNumber !== staffNumber));
  };

  const field = (name: StaffField, label: string, input: { type?: string; inputMode?: 'numeric'; maxLength: number; autoComplete?: string }) => {
    const problem = problemFor(name);
    const id = `staff-${name}`;
    return (
      <div className="field">
        <label htmlFor={id} className="field__label">{label}</label>
        <input
          id={id}
          className="field__input"
          value={draft[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
          {...input}
        />
        {problem && <span id={`${id}-problem`} className="problem" role="alert">{problem}</span>}
      </div>
    );
  };

  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title" className="screen__title">{t('staff.title')}</h2>
      <p className="muted">{t('staff.intro')}</p>
      {failure && <p className="problem" role="alert">{failure}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <form className="staff-form" onSubmit={(event) => void submit(event)} noValidate>
        {field('staffNumber', t('staff.staffNumber'), { maxLength: 16 })}
        {field('name', t('staff.name'), { maxLength: 32 })}
        {field('idNumber', t('staff.idNumber'), { maxLength: 18, autoComplete: 'off' })}
        <div className="field">
          <label htmlFor="staff-role" className="field__label">{t('staff.role')}</label>
          <select id="staff-role" className="field__input" value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.target.value === 'supervisor' ? 'supervisor' : 'officer' })}>
            <option value="officer">{t('role.officer')}</option>
            <option value="supervisor">{t('role.supervisor')}</option>
          </select>
        </div>
        {field('pin', t('staff.pin'), { type: 'password', inputMode: 'numeric', maxLength: 6, autoComplete: 'new-password' })}
        <button type="submit" className="button button--primary">{t('staff.add')}</button>
      </form>
      {staff.length === 0 ? (
        <p className="empty">{t('staff.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staff.staffNumber')}</th>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.idNumber')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.updatedAt')}</th>
              <th scope="col"><span className="visually-hidden">{t('staff.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {staff.map((entry) => (
              <tr key={entry.staffNumber}>
                <th scope="row">{entry.staffNumber}</th>
                <td>{entry.nameMasked}</td>
                <td>{entry.idNumberMasked}</td>
                <td>{t(`role.${entry.role}`)}</td>
                <td>{dateTime(entry.updatedAt)}</td>
                <td className="actions">
                  {confirming === entry.staffNumber ? (
                    <span role="group" className="confirm" aria-label={t('staff.removeConfirm', { staffNumber: entry.staffNumber })}>
                      {t('staff.removeConfirm', { staffNumber: entry.staffNumber })}
                      <button type="button" className="button button--small button--danger" onClick={() => void remove(entry.staffNumber)}>{t('common.confirm')}</button>
                      <button type="button" className="button button--small" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                    </span>
                  ) : (
                    <button type="button" className="button button--small button--danger" onClick={() => setConfirming(entry.staffNumber)}>{t('staff.remove')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
