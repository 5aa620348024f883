// Pieces both sync screens use: running an action with its outcome shown, the bundle
// inspector, the report of a receive, held bundles, and backups.

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCancelled, type Failure } from '../../../../shared/domain/failure.ts';
import { failureText } from '../../../../shared/domain/messages.ts';
import { sync, type Inspection, type ReceiveReport, type SyncStatus } from '../../data/index.ts';
import { formatDateTime, sharedFailureText, type Language } from '../../i18n/index.ts';
import { getPlatform, type BackupStatus } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';
import { Outcome, ProgressBar } from '../../ui/index.ts';

export { Outcome };

export const BUNDLE_FILTERS = [{ name: '薪火同步包', extensions: ['xhb'] }];
export const JSON_FILTERS = [{ name: 'JSON', extensions: ['json'] }];

export function useActor() {
  const user = useAppStore((s) => s.user)!;
  return { userId: user.id, userName: user.userName };
}

export function useLang(): Language {
  return useAppStore((s) => s.language);
}

export function failureSentence(f: Failure, lang: Language): string {
  return failureText(f, lang === 'en' ? 'en' : 'zh') ?? f.code;
}

/** What a long action is given: where to report progress, and the signal that cancels it. */
export type ActionIo = { onProgress: (fraction: number) => void; signal: AbortSignal };

/**
 * Runs one action at a time and keeps what it said: a note on success, the failure's sentence
 * otherwise. A long action reports progress and can be cancelled (ActionProgress shows both).
 */
export function useAction() {
  const lang = useLang();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(
    async (work: (io: ActionIo) => Promise<string | null | void>) => {
      const c = (controller.current = new AbortController());
      setBusy(true);
      setError(null);
      setNote(null);
      setProgress(null);
      try {
        const said = await work({ onProgress: setProgress, signal: c.signal });
        if (said) setNote(said);
      } catch (e) {
        if (isCancelled(e)) setNote(t('sync.cancelled'));
        else setError(sharedFailureText(e, lang) ?? (e instanceof Error ? e.message : String(e)));
      } finally {
        controller.current = null;
        setBusy(false);
        setProgress(null);
      }
    },
    [lang, t],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { busy, note, error, progress, run, cancel, setNote };
}

/** A long action's progress bar and its cancel button, while it runs and reports progress. */
export function ActionProgress({ action }: { action: Action }) {
  const { t } = useTranslation();
  if (!action.busy || action.progress === null) return action.busy ? <span className="muted">{t('sync.working')}</span> : null;
  return (
    <div className="sync-progress">
      <ProgressBar fraction={action.progress} label={t('sync.applying', { percent: Math.round(action.progress * 100) })} />
      <button type="button" className="secondary" onClick={action.cancel}>
        {t('sync.cancel')}
      </button>
    </div>
  );
}

export async function save(name: string, bytes: Uint8Array, json = false): Promise<string | null> {
  return getPlatform().saveFile({ suggestedName: name, bytes, filters: json ? JSON_FILTERS : BUNDLE_FILTERS });
}

type Action = ReturnType<typeof useAction>;

/**
 * A card's command: runs its work through the card's action (disabled while any of the card's
 * work runs; what the work says goes to the card's Outcome). Secondary unless `primary`.
 */
export function ActionButton({ action, run, primary, children }: { action: Action; run: (io: ActionIo) => Promise<string | null | void>; primary?: boolean; children: ReactNode }) {
  return (
    <button type="button" className={primary ? undefined : 'secondary'} disabled={action.busy} onClick={() => void action.run(run)}>
      {children}
    </button>
  );
}

/** A plain table's header row: one heading per column. */
export function TableHead({ titles }: { titles: readonly string[] }) {
  return (
    <thead>
      <tr>
        {titles.map((title, i) => (
          <th key={i}>{title}</th>
        ))}
      </tr>
    </thead>
  );
}

export function Card({ title, children, label, wide }: { title: string; children: ReactNode; label?: string; wide?: boolean }) {
  return (
    <section className={wide ? 'card sync-card wide' : 'card sync-card'} aria-label={label ?? title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function tableName(t: (k: string) => string, kind: string): string {
  const key = `sync.tables.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
}

/** What a bundle says about itself, before anything is imported. */
export function InspectorCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [shown, setShown] = useState<{ file: string; inspection: Inspection } | null>(null);
  const action = useAction();
  const { run } = action;
  const show = useCallback(
    (file: { name: string; bytes: Uint8Array }) =>
      run(async () => {
        const r = await sync.inspect(file.bytes);
        if (!r.ok) {
          setShown(null);
          throw new Error(t('sync.inspect.unreadable', { file: file.name, reason: failureSentence(r.failure, lang) }));
        }
        setShown({ file: file.name, inspection: r.inspection });
      }),
    [run, t, lang],
  );
  // A bundle the operating system opened Xinhuo with is shown here first, before anything is imported.
  const opened = useAppStore((s) => s.openedBundle);
  const setOpened = useAppStore((s) => s.setOpenedBundle);
  useEffect(() => {
    if (!opened) return;
    setOpened(null);
    void show(opened);
  }, [opened, setOpened, show]);
  const pick = async () => {
    const [file] = await getPlatform().openFiles({ filters: BUNDLE_FILTERS });
    if (file) await show(file);
  };
  const i = shown?.inspection;
  return (
    <Card title={t('sync.inspect.title')}>
      <div className="row">
        <button type="button" className="secondary" disabled={action.busy} onClick={() => void pick()}>
          {t('sync.inspect.open')}
        </button>
      </div>
      <Outcome note={null} error={action.error} />
      {i && shown && (
        <dl className="facts" aria-label={shown.file}>
          <dt>{t('sync.columns.file')}</dt>
          <dd className="wrap">{shown.file}</dd>
          <dt>{t('sync.inspect.kind')}</dt>
          <dd>{t(`sync.inspect.kinds.${i.kind}`)}</dd>
          <dt>{t('sync.inspect.sender')}</dt>
          <dd>{i.sender.type === 'org' ? t('sync.inspect.hq') : t('common.withNote', { text: i.sender.plantName ?? '', note: i.sender.plantCode ?? '' })}</dd>
          <dt>{t('sync.inspect.recipient')}</dt>
          <dd>
            {i.recipient.name} · <span className="mono">{i.recipient.fingerprint}</span>
          </dd>
          <dt>{t('sync.inspect.createdAt')}</dt>
          <dd>{formatDateTime(i.createdAt, lang)}</dd>
          <dt>{t('sync.inspect.seq')}</dt>
          <dd>
            {i.seq.from}–{i.seq.to}
            {i.seq.snapshot ? t('sync.inspect.snapshot') : t('sync.inspect.delta')}
          </dd>
          <dt>{t('sync.inspect.records')}</dt>
          <dd>{Object.entries(i.records).map(([k, n]) => `${tableName(t, k)} ${n}`).join(lang === 'en' ? ', ' : '，')}</dd>
          <dt>{t('sync.inspect.size')}</dt>
          <dd>{(i.bytes / 1024).toFixed(1)} KB</dd>
          <dt>{t('sync.inspect.signature')}</dt>
          <dd className={i.signature === 'invalid' ? 'error' : undefined}>{t(`sync.inspect.${i.signature}`)}</dd>
          <dt>{t('sync.inspect.certificate')}</dt>
          <dd className={i.failure ? 'error' : undefined}>{i.certificate === 'valid' ? t('sync.inspect.certValid') : i.certificate === 'unchecked' ? t('sync.inspect.certUnchecked') : i.failure ? failureSentence(i.failure, lang) : i.certificate}</dd>
          {i.ack && (
            <>
              <dt>{t('sync.inspect.ack')}</dt>
              <dd>{t('sync.inspect.ackLine', { applied: i.ack.applied, rejected: i.ack.rejected.length })}</dd>
            </>
          )}
        </dl>
      )}
    </Card>
  );
}

/** An apply cut off by a crash kept no copy of its file: the officer imports it again. */
const needsFile = (reason: string, params: Record<string, string | number>) => reason === 'interrupted' && !params.kept;

export function heldReason(t: (k: string, o?: Record<string, unknown>) => string, reason: string, params: Record<string, string | number>): string {
  if (needsFile(reason, params)) return t('sync.held.interruptedReimport', params);
  return t(`sync.held.${reason}`, params);
}

export function reportNote(t: (k: string, o?: Record<string, unknown>) => string, lang: Language, r: ReceiveReport): string {
  const lines = [t('sync.receive.result', { applied: r.applied.length, replayed: r.replayed.length, held: r.held.length, rejected: r.rejected.length })];
  for (const h of r.held) lines.push(t('sync.receive.heldLine', { file: h.file, reason: heldReason(t, h.reason, h.params) }));
  for (const x of r.rejected) lines.push(t('sync.receive.rejectedLine', { file: x.file, reason: failureSentence(x.failure, lang) }));
  return lines.join('\n');
}

/** Bundles held back, each with why, and the officer's explicit decision to apply it. */
export function HeldCard({ status, onChange }: { status: SyncStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  const plantName = (partition: string) => status.plants.find((p) => p.partition === partition)?.plantName ?? (partition === 'hq' ? t('sync.inspect.hq') : partition);
  return (
    <Card title={t('sync.held.title')}>
      {status.held.length === 0 ? (
        <p className="muted">{t('sync.held.none')}</p>
      ) : (
        <table className="plain-table">
          <TableHead titles={[t('sync.columns.file'), t('sync.columns.plant'), t('sync.columns.reason'), t('sync.columns.actions')]} />
          <tbody>
            {status.held.map((h) => (
              <tr key={h.bundleId}>
                <td className="wrap">{h.fileName}</td>
                <td>{plantName(h.partition)}</td>
                <td>{heldReason(t, h.reason, h.params)}</td>
                <td>
                  {h.reason !== 'newerSchema' && !needsFile(h.reason, h.params) && (
                    <ActionButton
                      action={action}
                      run={async (io) => {
                        // An interrupted bundle was decided on when it was admitted: it only continues.
                        if (h.reason !== 'interrupted' && !window.confirm(t(h.reason === 'gap' ? 'sync.held.confirmGap' : 'sync.held.confirmMassDelete'))) return;
                        const r = await sync.decide(actor, h.bundleId, io);
                        onChange();
                        if ('status' in r) return t('sync.held.applied', { file: h.fileName });
                        throw new Error(failureSentence(r, lang));
                      }}
                    >
                      {t(h.reason === 'interrupted' ? 'sync.held.resume' : 'sync.held.apply')}
                    </ActionButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionProgress action={action} />
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

export function BackupCard({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const action = useAction();
  const [auto, setAuto] = useState<BackupStatus | null>(null);
  useEffect(() => {
    void getPlatform().backupStatus().then(setAuto);
  }, []);
  return (
    <Card title={t('sync.backup.title')}>
      <p className="hint">{t('sync.backup.hint')}</p>
      {auto && (
        <>
          <p>{auto.folder ? t('sync.backup.autoOn', { folder: auto.folder, keep: auto.keep, last: auto.lastWrittenAt ? formatDateTime(auto.lastWrittenAt, lang) : t('sync.backup.notYet') }) : t('sync.backup.autoOff')}</p>
          <div className="row">
            <ActionButton action={action} run={async () => void setAuto((await getPlatform().chooseBackupFolder()) ?? auto)}>
              {t('sync.backup.chooseFolder')}
            </ActionButton>
          </div>
        </>
      )}
      {!auto && <p className="hint">{t('sync.backup.webHint')}</p>}
      <div className="row">
        <ActionButton
          action={action}
          run={async () => {
            const r = await sync.backup(actor);
            const saved = await save(r.fileName, r.bytes);
            return saved ? t('sync.backup.saved', { file: saved, count: r.records }) : null;
          }}
        >
          {t('sync.backup.now')}
        </ActionButton>
        <ActionButton
          action={action}
          run={async () => {
            const [file] = await getPlatform().openFiles({ filters: BUNDLE_FILTERS });
            if (!file || !window.confirm(t('sync.backup.confirmRestore'))) return;
            const r = await sync.restoreBackup(actor, file.bytes);
            onChange();
            return t('sync.backup.restored', { count: r.records });
          }}
        >
          {t('sync.backup.restore')}
        </ActionButton>
      </div>
      <Outcome note={action.note} error={action.error} />
    </Card>
  );
}

export function ageText(t: (k: string, o?: Record<string, unknown>) => string, iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? t('sync.ageToday') : t('sync.ageDays', { count: days });
}
