// How much of the meeting the deck takes: never more than the budget less the questions' time.
import { useApp } from '../../store';

export function MinutesMeter({ planned, budget, qa }: { planned: number; budget: number; qa: number }) {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const max = budget - qa;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const text = t('deckMeterText', { planned: number.format(planned), max: number.format(max) });
  const share = max > 0 ? Math.min(1, planned / max) : 0;
  return (
    <div className="db-meter">
      <div className="db-meter-label">
        <span className="db-meter-name">{t('deckPlannedMinutes')}</span>
        <span className="db-meter-value">{text}</span>
      </div>
      <div
        role="meter"
        aria-label={t('deckPlannedMinutes')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={planned}
        aria-valuetext={text}
        className="db-meter-bar"
      >
        <div className={`db-meter-fill${share >= 1 ? ' db-meter-full' : ''}`} style={{ width: `${share * 100}%` }} />
      </div>
      <p className="db-meter-note">{t('deckMeterNote', { qa: number.format(qa), budget: number.format(budget) })}</p>
    </div>
  );
}
