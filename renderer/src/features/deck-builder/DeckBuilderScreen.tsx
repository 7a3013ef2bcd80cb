// Build deck: the slides planDeck plans for this prospect, drawn live with the export's own
// layouts. The advisor reorders, hides, adds and rewords slides; every change is planned again
// in the window at once (the preview follows each keystroke), saved to the prospect's deck.json
// and can be undone. The plan never goes over the meeting's time: a slide that does not fit is
// refused with what to hide instead. This container loads the deck; Builder draws and edits it.
import { useQuery, valueOf } from '../../data/useQuery';
import { useApp } from '../../store';
import { ScreenHead } from '../../ui/ScreenHead';
import { LoadStates, problemsText } from '../../ui/LoadStates';
import { Builder } from './Builder';
import './deck-builder.css';

export function DeckBuilderScreen({ id }: { id?: string | undefined }) {
  const t = useApp((s) => s.t);
  const api = useApp((s) => s.api);
  // Reloaded after a refused save: the deck as saved now, in a builder started afresh.
  const query = useQuery(async () => (id ? valueOf(await api['deck:get']({ id })) : null), [api, id]);

  if (!id) return null;
  const outcome = query.state === 'ready' ? query.value : null;
  if (outcome?.ready) return <Builder key={query.loads} id={id} setup={outcome.value} onReload={query.reload} />;
  return (
    <section className="screen" aria-labelledby="db-title">
      <ScreenHead id={id} titleId="db-title" title={t('buildDeck')} back={t('back')} />
      <LoadStates
        id={id}
        query={query}
        loading={t('building')}
        notReady={outcome?.ready === false ? outcome : null}
        noIntake={(problems) => t('deckNoIntake', { problems: problemsText(problems) })}
        openIntake={t('deckOpenIntake')}
      />
    </section>
  );
}
