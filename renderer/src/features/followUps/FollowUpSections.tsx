// The open follow-ups as Overdue, Today and Upcoming, each section with its count, its soonest
// page and Show more. Props only.
import type { FollowUpPage, FollowUpSection, FollowUpListItem } from '../../../../core/followUp/record';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { FollowUpItem, type FollowUpAction } from './FollowUpItem';
import { PAGE, type Limits } from './page';

const SECTIONS: { key: FollowUpSection; title: MessageKey; none: MessageKey }[] = [
  { key: 'overdue', title: 'fuOverdue', none: 'fuNoneOverdue' },
  { key: 'today', title: 'fuToday', none: 'fuNoneToday' },
  { key: 'upcoming', title: 'fuUpcoming', none: 'fuNoneUpcoming' },
];

export function FollowUpSections({
  page,
  limits,
  focusedId: id,
  onAction,
  onShowMore,
}: {
  page: FollowUpPage;
  /** How many of each section were asked for. */
  limits: Limits;
  /** The follow-up opened from a reminder. */
  focusedId: string | undefined;
  onAction(f: FollowUpListItem, action: FollowUpAction): Promise<boolean>;
  onShowMore(section: FollowUpSection): void;
}) {
  const t = useApp((s) => s.t);
  const ready = { page, limits };
  return (
    <>
      {SECTIONS.map(({ key, title, none }) => (
        <section key={key} className={`fu-section fu-section-${key}`} aria-labelledby={`fu-section-${key}`}>
          <h3 id={`fu-section-${key}`}>
            {t(title)}
            {ready.page.counts[key] > 0 && (
              <span className="fu-count" aria-hidden="true">
                {ready.page.counts[key]}
              </span>
            )}
          </h3>
          {ready.page.counts[key] === 0 ? (
            <p className="muted">{t(none)}</p>
          ) : (
            <>
              <ul className="fu-list">
                {ready.page[key].map((f) => (
                  <FollowUpItem key={f.id} followUp={f} focused={f.id === id} onAction={onAction} />
                ))}
              </ul>
              {ready.page.counts[key] > ready.limits[key] && (
                <button type="button" className="button" onClick={() => onShowMore(key)}>
                  {t('fuShowMore', { n: Math.min(PAGE, ready.page.counts[key] - ready.limits[key]) })}
                </button>
              )}
            </>
          )}
        </section>
      ))}
    </>
  );
}
