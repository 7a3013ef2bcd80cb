// The head of a prospect's screen (Preview deck, Build deck, present mode's error, Wrap-up): its
// title, and the way back to the prospect's form.
import { useApp } from '../store';

export function ScreenHead({
  id,
  titleId,
  title,
  dir,
  back,
  quiet = false,
}: {
  /** The prospect. */
  id: string;
  titleId: string;
  title: string;
  dir?: 'auto';
  /** The back button's name. */
  back: string;
  quiet?: boolean;
}) {
  const navigate = useApp((s) => s.navigate);
  return (
    <div className="screen-head">
      <h2 id={titleId} dir={dir}>
        {title}
      </h2>
      <div className="actions">
        <button
          type="button"
          className={quiet ? 'button button-quiet' : 'button'}
          onClick={() => navigate({ screen: 'intake', id })}
        >
          {back}
        </button>
      </div>
    </div>
  );
}
