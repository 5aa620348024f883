// 各厂区 (head office): the organisation and its keys, enrolment requests, bundles received
// from the plants, each plant's freshness and data, held bundles, acknowledgements and
// revocation.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sync, useSyncStatus, type SyncStatus } from '../../data/index.ts';
import { formatDateTime, formatNumber } from '../../i18n/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { ActionButton, TableHead, ageText, BackupCard, Card, HeldCard, InspectorCard, JSON_FILTERS, Outcome, save, useAction, useActor, useLang } from './common.tsx';
import { ReceiveCard } from './plant-sync-screen.tsx';
import { RubricTemplatesCard } from '../review/rubric-editor.tsx';

/** A plant that has sent nothing for this long is marked stale. */
export const STALE_DAYS = 14;
const MIN_BACKUP_PASSWORD = 12;

function OrgCard({ status, onChange }: { status: SyncStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const action = useAction();
  const [password, setPassword] = useState('');
  const needPassword = () => {
    if (password.length < MIN_BACKUP_PASSWORD) throw new Error(t('sync.hq.passwordShort'));
  };
  return (
    <Card title={t('sync.hq.orgTitle')}>
      {!status.org ? (
        <>
          <p>{t('sync.hq.noOrg')}</p>
          <div className="row">
            <ActionButton action={action} primary run={async () => void (await sync.createOrg(actor), onChange())}>
              {t('sync.hq.create')}
            </ActionButton>
          </div>
        </>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('settings.orgName')}</dt>
            <dd>{status.org.name}</dd>
            <dt>{t('sync.org.orgFingerprint')}</dt>
            <dd className="mono">{status.org.fingerprint}</dd>
          </dl>
          <div className="row">
            <ActionButton
              action={action}
              primary
              run={async () => {
                const r = await sync.orgFile();
                await save(r.fileName, r.bytes, true);
              }}
            >
              {t('sync.hq.orgFile')}
            </ActionButton>
          </div>
        </>
      )}
      <p className="hint">{t('sync.hq.keyBackupHint')}</p>
      <div className="row">
        <label className="field">
          {t('sync.hq.password')}
          <input type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} aria-describedby="backup-password-hint" />
          <span className="hint" id="backup-password-hint">
            {t('sync.hq.passwordHint')}
          </span>
        </label>
        {status.org && (
          <ActionButton
            action={action}
            run={async () => {
              needPassword();
              const r = await sync.keyBackup(actor, password);
              const saved = await save(r.fileName, r.bytes, true);
              return saved ? t('sync.hq.backupSaved', { file: saved }) : null;
            }}
          >
            {t('sync.hq.keyBackup')}
          </ActionButton>
        )}
        <ActionButton
          action={action}
          run={async () => {
            needPassword();
            const [file] = await getPlatform().openFiles({ filters: JSON_FILTERS });
            if (!file) return;
            const org = await sync.restoreKeys(actor, file.bytes, password);
            onChange();
            return t('sync.hq.keysRestored', { name: org.orgName });
          }}
        >
          {t('sync.hq.restoreKeys')}
        </ActionButton>
      </div>
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

function EnrolCard({ status, onChange }: { status: SyncStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  return (
    <Card title={t('sync.hq.enrolTitle')}>
      <p className="hint">{t('sync.hq.enrolHint')}</p>
      <div className="row">
        <button
          type="button"
          disabled={!status.org || action.busy}
          onClick={() =>
            void action.run(async () => {
              const [file] = await getPlatform().openFiles({ filters: JSON_FILTERS });
              if (!file) return;
              await sync.receiveEnrolment(actor, file.bytes);
              onChange();
            })
          }
        >
          {t('sync.hq.importEnrolment')}
        </button>
      </div>
      {status.enrolments.length === 0 ? (
        <p className="muted">{t('sync.hq.noEnrolments')}</p>
      ) : (
        <table className="plain-table">
          <TableHead titles={[t('sync.columns.plant'), t('sync.columns.fingerprint'), t('sync.columns.requested'), t('sync.columns.actions')]} />
          <tbody>
            {status.enrolments.map((e) => (
              <tr key={e.originId}>
                <td>
                  {t('common.withNote', { text: e.plant.name, note: e.plant.code })}
                </td>
                <td className="mono nowrap">{e.fingerprint}</td>
                <td>{formatDateTime(e.createdAt, lang)}</td>
                <td>
                  <ActionButton
                    action={action}
                    primary
                    run={async () => {
                      const r = await sync.certify(actor, e.originId);
                      onChange();
                      const saved = await save(r.fileName, r.bytes, true);
                      return saved ? t('sync.hq.certified', { plant: e.plant.name, file: saved }) : null;
                    }}
                  >
                    {t('sync.hq.certify')}
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

function PlantsCard({ status, onChange }: { status: SyncStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  const now = Date.now();
  return (
    <Card title={t('sync.hq.plantsTitle')} wide>
      <p className="hint">{t('sync.hq.staleHint', { days: STALE_DAYS })}</p>
      {status.plants.length === 0 ? (
        <p className="muted">{t('sync.hq.noPlants')}</p>
      ) : (
        <div className="table-scroll">
          <table className="plain-table" aria-label={t('sync.hq.plantsTitle')}>
            <thead>
              <tr>
                <th>{t('sync.columns.plant')}</th>
                <th>{t('sync.columns.lastBundle')}</th>
                <th>{t('sync.columns.age')}</th>
                <th className="num">{t('sync.columns.bundles')}</th>
                <th className="num">{t('sync.columns.factRows')}</th>
                <th className="num">{t('sync.columns.pipeline')}</th>
                <th className="num">{t('sync.columns.trainers')}</th>
                <th className="num">{t('sync.columns.conflicts')}</th>
                <th className="num">{t('sync.columns.held')}</th>
                <th>{t('sync.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {status.plants.map((p) => {
                const stale = !p.lastBundleAt || now - Date.parse(p.lastBundleAt) > STALE_DAYS * 86_400_000;
                const name = p.plantName ?? p.partition;
                return (
                  <tr key={p.partition} className={stale ? 'stale' : undefined}>
                    <td className="nowrap">
                      {t('common.withNote', { text: name, note: p.plantCode })}
                      {p.revoked && <span className="badge status-departed">{t('sync.hq.revokedBadge')}</span>}
                    </td>
                    <td className="nowrap">{p.lastCreatedAt ? formatDateTime(p.lastCreatedAt, lang) : '—'}</td>
                    <td className="nowrap">{ageText(t, p.lastCreatedAt, now)}</td>
                    <td className="num">{formatNumber(p.bundles, lang)}</td>
                    <td className="num">{formatNumber(p.factRows, lang)}</td>
                    <td className="num">{formatNumber(p.pipeline, lang)}</td>
                    <td className="num">{formatNumber(p.trainers, lang)}</td>
                    <td className="num">{formatNumber(p.conflicts, lang)}</td>
                    <td className="num">{formatNumber(p.held, lang)}</td>
                    <td>
                      <div className="row-actions">
                      {p.bundles > 0 && (
                        <ActionButton
                          action={action}
                          run={async () => {
                            const r = await sync.acknowledgement(actor, p.partition);
                            const saved = await save(r.fileName, r.bytes);
                            return saved ? t('sync.hq.ackSaved', { plant: name, file: saved }) : null;
                          }}
                        >
                          {t('sync.hq.ack')}
                        </ActionButton>
                      )}
                      {p.serial && !p.revoked && (
                        <button
                          type="button"
                          className="secondary danger"
                          disabled={action.busy}
                          onClick={() =>
                            void action.run(async () => {
                              if (!window.confirm(t('sync.hq.confirmRevoke', { plant: name }))) return;
                              const reason = window.prompt(t('sync.hq.revokeReason')) ?? '';
                              await sync.revoke(actor, p.serial!, reason);
                              onChange();
                              return t('sync.hq.revokedDone', { plant: name });
                            })
                          }
                        >
                          {t('sync.hq.revoke')}
                        </button>
                      )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

/** Versions that lost to another lineage of the same plant (a restored or cloned database): kept, shown here. */
function ConflictsCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const lang = useLang();
  const plantName = (partition: string) => status.plants.find((p) => p.partition === partition)?.plantName ?? partition;
  return (
    <Card title={t('sync.conflicts.title')} wide>
      <p className="hint">{t('sync.conflicts.hint')}</p>
      {status.conflicts.length === 0 ? (
        <p className="muted">{t('sync.conflicts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="plain-table" aria-label={t('sync.conflicts.title')}>
            <TableHead titles={[t('sync.columns.plant'), t('sync.conflicts.kind'), t('sync.conflicts.record'), t('sync.conflicts.loser'), t('sync.conflicts.winner')]} />
            <tbody>
              {status.conflicts.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{plantName(c.partition)}</td>
                  <td className="nowrap">{t(`sync.tables.${c.kind}`, { defaultValue: c.kind })}</td>
                  <td className="wrap">{c.label}</td>
                  <td className="nowrap">
                    {formatDateTime(new Date(c.at).toISOString(), lang)} · <span className="mono">{c.lineage.slice(0, 8)}</span>
                  </td>
                  <td className="nowrap">{c.winnerAt ? formatDateTime(new Date(c.winnerAt).toISOString(), lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export function PlantsScreen() {
  const { t } = useTranslation();
  const { status, refresh } = useSyncStatus();
  return (
    <section className="screen sync pad" aria-label={t('sync.plantsTitle')}>
      <h2>{t('sync.plantsTitle')}</h2>
      <p className="hint">{t('sync.intro')}</p>
      {!status ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <div className="sync-grid">
          <PlantsCard status={status} onChange={refresh} />
          <ReceiveCard hint={t('sync.receive.hqHint')} onChange={refresh} />
          <HeldCard status={status} onChange={refresh} />
          {status.conflicts.length > 0 && <ConflictsCard status={status} />}
          <RubricTemplatesCard />
          <EnrolCard status={status} onChange={refresh} />
          <OrgCard status={status} onChange={refresh} />
          <BackupCard onChange={refresh} />
          <InspectorCard />
        </div>
      )}
    </section>
  );
}
