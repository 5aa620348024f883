// 同步 (a plant): join the organisation, send bundles to head office, receive its
// acknowledgements and configuration, back up and restore.

import { useTranslation } from 'react-i18next';
import { sync, useSyncStatus, type SyncStatus } from '../../data/index.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { ActionButton, ActionProgress, BackupCard, BUNDLE_FILTERS, Card, HeldCard, InspectorCard, JSON_FILTERS, Outcome, reportNote, save, useAction, useActor, useLang } from './common.tsx';

function OrgCard({ status, onChange }: { status: SyncStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  const importOrg = () =>
    action.run(async () => {
      const [file] = await getPlatform().openFiles({ filters: JSON_FILTERS });
      if (!file) return;
      const org = await sync.join(actor, file.bytes);
      onChange();
      return t('sync.org.joinedDone', { name: org.orgName });
    });
  return (
    <Card title={t('sync.org.title')}>
      {!status.org ? (
        <>
          <p>{t('sync.org.none')}</p>
          <div className="row">
            <button type="button" disabled={action.busy} onClick={() => void importOrg()}>
              {t('sync.org.importOrg')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('sync.org.joined', { name: status.org.name })}</p>
          <dl className="facts">
            <dt>{t('sync.org.orgFingerprint')}</dt>
            <dd className="mono">{status.org.fingerprint}</dd>
            <dt>{t('sync.org.ownFingerprint')}</dt>
            <dd className="mono">{status.ownFingerprint}</dd>
          </dl>
          {status.certificate ? (
            <p className={status.certificate.revoked ? 'error' : undefined}>{status.certificate.revoked ? t('sync.org.revoked') : t('sync.org.certified', { plant: t('common.withNote', { text: status.certificate.plantName, note: status.certificate.plantCode }), issuedAt: formatDateTime(status.certificate.issuedAt, lang) })}</p>
          ) : (
            <>
              <p className="hint">{t('sync.org.noCert')}</p>
              <p className="hint">{t('sync.org.phoneHint')}</p>
              <div className="row">
                <ActionButton
                  action={action}
                  primary
                  run={async () => {
                    const r = await sync.enrolment(actor);
                    const saved = await save(r.fileName, r.bytes, true);
                    return saved ? t('sync.org.requestSaved', { file: saved, fingerprint: r.fingerprint }) : null;
                  }}
                >
                  {t('sync.org.request')}
                </ActionButton>
                <ActionButton
                  action={action}
                  run={async () => {
                    const [file] = await getPlatform().openFiles({ filters: JSON_FILTERS });
                    if (!file) return;
                    await sync.acceptCertificate(actor, file.bytes);
                    onChange();
                    return t('sync.org.certInstalled');
                  }}
                >
                  {t('sync.org.importCert')}
                </ActionButton>
              </div>
            </>
          )}
        </>
      )}
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

function SendCard({ status, onChange }: { status: SyncStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  const ready = !!status.certificate && !status.certificate.revoked;
  const send = (snapshot: boolean) =>
    action.run(async () => {
      const r = await sync.exportBundle(actor, snapshot);
      onChange();
      if (!r) return t('sync.send.nothingNew');
      const saved = await save(r.fileName, r.bytes);
      return saved ? t('sync.send.exported', { file: saved, from: r.seq.from, to: r.seq.to }) : null;
    });
  return (
    <Card title={t('sync.send.title')}>
      <dl className="facts">
        <dt>{t('sync.send.lastExport')}</dt>
        <dd className="wrap">{status.lastExport ? t('sync.send.exportFile', { time: formatDateTime(status.lastExport.at, lang), file: status.lastExport.fileName, from: status.lastExport.from, to: status.lastExport.to }) : t('sync.send.never')}</dd>
        <dt>{t('sync.send.unsent')}</dt>
        <dd data-testid="unsent">{t('sync.send.unsentCount', { count: status.unsent })}</dd>
        <dt>{t('sync.send.lastAck')}</dt>
        <dd>{status.lastAck ? formatDateTime(status.lastAck.at, lang) : t('sync.send.noAck')}</dd>
      </dl>
      <p className="hint">{ready ? t('sync.send.exportHint') : t('sync.send.needsCert')}</p>
      <div className="row">
        <button type="button" disabled={!ready || action.busy} onClick={() => void send(false)}>
          {t('sync.send.export')}
        </button>
        <button type="button" className="secondary" disabled={!ready || action.busy} onClick={() => void send(true)}>
          {t('sync.send.snapshot')}
        </button>
        {action.busy && <span className="muted">{t('sync.working')}</span>}
      </div>
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

export function ReceiveCard({ hint, onChange }: { hint: string; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  return (
    <Card title={t('sync.receive.title')}>
      <p className="hint">{hint}</p>
      <div className="row">
        <ActionButton
          action={action}
          primary
          run={async (io) => {
            const files = await getPlatform().openFiles({ filters: BUNDLE_FILTERS, multiple: true });
            if (!files.length) return;
            try {
              return reportNote(t, lang, await sync.receive(actor, files, io));
            } finally {
              // Cancelled or not, what was applied is there, and an interrupted bundle is listed.
              onChange();
            }
          }}
        >
          {t('sync.receive.pick')}
        </ActionButton>
      </div>
      <ActionProgress action={action} />
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

export function PlantSyncScreen() {
  const { t } = useTranslation();
  const { status, refresh } = useSyncStatus();
  return (
    <section className="screen sync pad" aria-label={t('sync.title')}>
      <h2>{t('sync.title')}</h2>
      <p className="hint">{t('sync.intro')}</p>
      {!status ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <div className="sync-grid">
          <OrgCard status={status} onChange={refresh} />
          <SendCard status={status} onChange={refresh} />
          <ReceiveCard hint={t('sync.receive.plantHint')} onChange={refresh} />
          {status.held.length > 0 && <HeldCard status={status} onChange={refresh} />}
          <BackupCard onChange={refresh} />
          <InspectorCard />
        </div>
      )}
    </section>
  );
}
