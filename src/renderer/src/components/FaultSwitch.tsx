import { FAULT_MODES } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';
import { useBreakwatch } from '../store';

/** Switches the built-in demo Lambda's behaviour (shown for demo endpoints). */
export function FaultSwitch() {
  const { t } = useI18n();
  const fault = useBreakwatch((state) => state.info?.demoFault ?? null);
  const setFault = useBreakwatch((state) => state.setFault);
  if (fault === null) return null;
  return (
    <section className="card faults" aria-labelledby="fault-title">
      <h2 id="fault-title" className="card-title">
        {t('fault.label')}
      </h2>
      <p className="hint">{t('fault.help')}</p>
      <div role="radiogroup" aria-labelledby="fault-title" className="fault-options">
        {FAULT_MODES.map((mode) => (
          <label key={mode} className={`fault-option${fault === mode ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name="fault"
              value={mode}
              checked={fault === mode}
              onChange={() => void setFault(mode)}
            />
            <span>{t(`fault.${mode}`)}</span>
          </label>
        ))}
      </div>
    </section>
  );
}
