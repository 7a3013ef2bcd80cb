// `Present on tablet`: the tablet address as a QR code and as text, who drives (the tablet
// presents, or it follows this screen), the tablet's connection, devices asking to join, and
// `Stop sharing`. A panel over the meeting, not a modal: the meeting goes on beside it.
import { useId } from 'react';
import type { TabletConnection } from '../../../../core/meeting/tabletShare';
import type { MessageKey } from '../../i18n/en';
import { useApp } from '../../store';
import type { Share } from './useShare';

const CONNECTION: Record<TabletConnection, MessageKey> = {
  waiting: 'shareWaiting',
  connected: 'shareConnected',
  reconnecting: 'shareReconnecting',
  offline: 'shareOffline',
};

const PROBLEMS: Record<string, MessageKey> = {
  'no-network': 'shareProblemNoNetwork',
  'cannot-listen': 'shareProblemListen',
  'no-intake': 'shareProblemNoIntake',
  'no-advisor': 'shareProblemNoAdvisor',
};

export function connectionKey(state: TabletConnection): MessageKey {
  return CONNECTION[state];
}

export function SharePanel({ share, onHide }: { share: Share; onHide: () => void }) {
  const t = useApp((s) => s.t);
  const addressLabel = useId();
  const codeLabel = useId();
  const titleId = useId();
  const { status, problem } = share;
  const active = status?.active === true;
  const problemKey = problem !== null ? PROBLEMS[problem] : undefined;

  return (
    <aside className="share-panel" aria-labelledby={titleId}>
      <div className="share-head">
        <h3 id={titleId}>{t('shareTitle')}</h3>
        <button type="button" className="present-button share-hide" onClick={onHide}>
          {t('shareHide')}
        </button>
      </div>
      {problem !== null && (
        <p role="alert" className="share-problem">
          {problemKey ? t(problemKey) : t('shareFailed', { e: problem })}
        </p>
      )}
      {share.starting && <p role="status">{t('shareStarting')}</p>}
      {active && status.address && (
        <>
          {/* Once the tablet is there, the code shrinks: the mode and Stop sharing come into view. */}
          {status.tablet === 'waiting' && <p className="share-help">{t('shareHelp')}</p>}
          {status.qr && (
            <img
              className={`share-qr${status.tablet === 'waiting' ? '' : ' share-qr-small'}`}
              src={status.qr}
              alt={t('shareQrAlt')}
              width={192}
              height={192}
            />
          )}
          <p className="share-address">
            <span id={addressLabel} className="share-address-label">
              {t('shareAddress')}
            </span>
            <code aria-labelledby={addressLabel}>{status.address}</code>
          </p>
          {status.pairingCode && status.pairAddress && (
            <p className="share-address share-code">
              <span id={codeLabel} className="share-address-label">
                {t('sharePairingCode')}
              </span>
              {/* Grouped by three to read aloud and type; the tablet ignores the space. */}
              <code
                aria-labelledby={codeLabel}
                className="share-code-digits"
              >{`${status.pairingCode.slice(0, 3)} ${status.pairingCode.slice(3)}`}</code>
              <small>{t('sharePairingHint', { address: status.pairAddress })}</small>
            </p>
          )}
          <p role="status" className={`share-connection share-connection-${status.tablet}`}>
            {t(CONNECTION[status.tablet])}
          </p>
          <fieldset className="share-mode">
            <legend>{t('shareWho')}</legend>
            <label>
              <input
                type="radio"
                name="share-mode"
                value="presents"
                checked={status.mode === 'presents'}
                onChange={() => void share.setMode('presents')}
              />
              <span>
                <strong>{t('sharePresents')}</strong>
                <small>{t('sharePresentsHint')}</small>
              </span>
            </label>
            <label>
              <input
                type="radio"
                name="share-mode"
                value="follows"
                checked={status.mode === 'follows'}
                onChange={() => void share.setMode('follows')}
              />
              <span>
                <strong>{t('shareFollows')}</strong>
                <small>{t('shareFollowsHint')}</small>
              </span>
            </label>
          </fieldset>
          {status.pending.map((device) => (
            <div key={device.device} role="alert" className="share-asking">
              <p>{t('shareAsks', { label: device.label })}</p>
              <div className="share-asking-actions">
                <button
                  type="button"
                  className="present-button present-button-primary"
                  onClick={() => void share.answer(device.device, true)}
                >
                  {t('shareAllow')}
                </button>
                <button
                  type="button"
                  className="present-button"
                  onClick={() => void share.answer(device.device, false)}
                >
                  {t('shareRefuse')}
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="present-button present-end share-stop" onClick={() => void share.stop()}>
            {t('shareStop')}
          </button>
        </>
      )}
      {!active && !share.starting && problem === null && status !== null && <p role="status">{t('shareStopped')}</p>}
    </aside>
  );
}
