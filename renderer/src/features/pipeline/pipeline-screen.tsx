// 选拔流程: the people of a selection round (选拔批次), by stage, with where they came from and
// every move, as a table or a board; the round's funnel and per-department counts; people added
// by hand with a reason; the round's list as .xlsx. Topics and trial lectures are recorded here;
// the panel review moves people further on its own screen.

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, nextStages, type Stage } from '../../../../shared/domain/pipeline/stages.ts';
import { addToRound, can, moveEntry, roundListFile, useFactModel, usePipelineEntries, useRounds, useTopicList, useTopicThemes, type PipelineRecord } from '../../data/index.ts';
import { themeChoices, TopicListCard } from './topic-list-card.tsx';
import { getPlatform } from '../../platform/index.ts';
import { AddPersonDialog } from './add-person-dialog.tsx';
import { moveNote, sourceText } from './format.ts';
import { Board, RoundPanel } from './round-panel.tsx';
import { SessionDialog, TopicDialog } from './stage-dialogs.tsx';
import { formatDateTime, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { hrefOf, VirtualTable } from '../../ui/index.ts';

/** The moves made on this screen; the others belong to the topic, trial and review steps. */
const MANUAL: readonly Stage[] = ['invited', 'topicSubmitted', 'trialScheduled', 'reviewed', 'selected', 'rejected', 'withdrawn'];

export function PipelineScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const user = useAppStore((s) => s.user);
  const [stage, setStage] = useState<Stage | null>(null);
  const [withdrawing, setWithdrawing] = useState<PipelineRecord | null>(null);
  const [topicFor, setTopicFor] = useState<PipelineRecord | null>(null);
  const [sessionFor, setSessionFor] = useState<PipelineRecord | null>(null);
  const model = useFactModel();
  const proposals = useTopicThemes(model.version);
  const topicList = useTopicList();
  const themes = themeChoices(topicList ?? [], proposals ?? []);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [roundChoice, setRoundChoice] = useState<string | null>(null);
  const [view, setView] = useState<'table' | 'board'>('table');
  const [adding, setAdding] = useState(false);
  const rounds = useRounds();
  // A department head's entries are their own department's (the query applies the scope).
  const everyone = usePipelineEntries(user?.id ?? '');
  if (!everyone || !user || !rounds) return <p className="muted pad">{t('common.loading')}</p>;
  const actor = { userId: user.id, userName: user.userName };
  // The newest round unless the officer chose another, or all of them ('').
  const roundId = roundChoice ?? rounds[0]?.id ?? '';
  const round = rounds.find((r) => r.id === roundId) ?? null;
  const all = round ? everyone.filter((x) => x.roundId === round.id) : everyone;
  const shown = stage ? all.filter((x) => x.stage === stage) : all;
  const stageName = (s: Stage) => t(`pipeline.stages.${s}`);

  const move = async (entry: PipelineRecord, to: Stage, why?: string, details?: Pick<PipelineRecord, 'topic' | 'session'>) => {
    await moveEntry(actor, entry.id, to, why, details);
    setNotice(t('pipeline.moved', { name: entry.name, from: stageName(entry.stage), to: stageName(to) }));
  };

  /** The moves a person's stage allows, as buttons (the table's last column and each board card). */
  const actionsOf = (x: PipelineRecord): ReactNode => (
    <span className="row-actions">
      {nextStages(x.stage)
        .filter((s) => MANUAL.includes(s) && can(user, 'pipeline.move'))
        .map((s) => (
          <button
            key={s}
            type="button"
            className="link-button"
            aria-label={`${t(`pipeline.moveTo.${s}`)} ${x.name}`}
            onClick={() => {
              if (s === 'withdrawn') {
                setNote('');
                setWithdrawing(x);
              } else if (s === 'topicSubmitted') setTopicFor(x);
              else if (s === 'trialScheduled') setSessionFor(x);
              else void move(x, s);
            }}
          >
            {t(`pipeline.moveTo.${s}`)}
          </button>
        ))}
    </span>
  );

  const exportList = async () => {
    const f = await roundListFile(round ?? { name: t('pipeline.round.allRounds') }, shown, language);
    await getPlatform().saveFile({ suggestedName: f.fileName, bytes: f.bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
  };

  const columns = [
    { id: 'employeeId', title: t('pipeline.columns.employeeId'), width: 0.7, minChars: 11 },
    { id: 'name', title: t('pipeline.columns.name'), width: 0.6, minChars: 7 },
    { id: 'department', title: t('pipeline.columns.department'), width: 0.9, minChars: 8 },
    { id: 'stage', title: t('pipeline.columns.stage'), width: 0.7, minChars: 10 },
    { id: 'source', title: t('pipeline.columns.source'), width: 2.6 },
    { id: 'updated', title: t('pipeline.columns.updated'), width: 2.2 },
    { id: 'actions', title: t('pipeline.columns.actions'), width: 0.8 },
  ];

  return (
    <section className="screen pipeline" aria-label={t('pipeline.title')}>
      <header className="toolbar">
        <h2>{t('pipeline.title')}</h2>
        {rounds.length > 0 && (
          <label className="field compact">
            <span>{t('pipeline.round.label')}</span>
            <select value={roundId} onChange={(e) => setRoundChoice(e.target.value)} aria-label={t('pipeline.round.label')}>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
              <option value="">{t('pipeline.round.allRounds')}</option>
            </select>
          </label>
        )}
        <span className="segmented" role="group" aria-label={t('pipeline.view.label')}>
          {(['table', 'board'] as const).map((v) => (
            <button key={v} type="button" className={view === v ? 'tab active' : 'tab'} aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`pipeline.view.${v}`)}
            </button>
          ))}
        </span>
        {round && can(user, 'pipeline.move') && (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            {t('pipeline.add.open')}
          </button>
        )}
        {all.length > 0 && (
          <button type="button" className="secondary" onClick={() => void exportList()}>
            {t('pipeline.round.export')}
          </button>
        )}
        {all.some((x) => x.session && x.stage === 'trialScheduled') && <a href={hrefOf({ name: 'trialSchedule' })}>{t('pipeline.session.print')}</a>}
        {notice && (
          <span className="muted" role="status">
            {notice}
          </span>
        )}
      </header>
      {all.length > 0 && <RoundPanel round={round} entries={all} language={language} />}
      {all.length === 0 ? (
        <p className="muted pad">{t('pipeline.empty')}</p>
      ) : view === 'board' ? (
        <Board entries={all} stageName={stageName} actions={actionsOf} />
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label={t('pipeline.columns.stage')}>
            <button type="button" role="tab" aria-selected={stage === null} className={stage === null ? 'tab active' : 'tab'} onClick={() => setStage(null)}>
              {t('pipeline.all', { count: all.length })}
            </button>
            {STAGES.map((s) => {
              const count = all.filter((x) => x.stage === s).length;
              return (
                <button key={s} type="button" role="tab" aria-selected={stage === s} className={stage === s ? 'tab active' : 'tab'} onClick={() => setStage(s)} disabled={count === 0}>
                  {stageName(s)} {count}
                </button>
              );
            })}
          </div>
          <VirtualTable
            label={t('pipeline.title')}
            columns={columns}
            rowCount={shown.length}
            rowHeight={44}
            renderCell={(i, c) => {
              const x = shown[i];
              const last = x.history.at(-1)!;
              switch (c) {
                case 'employeeId':
                  return (
                    <a href={hrefOf({ name: 'employee', id: x.employeeId })} className="mono">
                      {x.employeeId}
                    </a>
                  );
                case 'name':
                  return x.name;
                case 'department':
                  return x.department;
                case 'stage':
                  return <span className={`badge ${x.stage === 'selected' ? 'ok' : x.stage === 'withdrawn' || x.stage === 'rejected' ? 'bad' : ''}`}>{stageName(x.stage)}</span>;
                case 'source':
                  return sourceText(x, t);
                case 'updated':
                  return (
                    <span title={x.history.map((m) => t('pipeline.history', { time: formatDateTime(m.at, language), user: m.userName, to: stageName(m.to) }) + moveNote(x, m, t)).join('\n')}>
                      {t('pipeline.lastChange', { time: formatDateTime(last.at, language), user: last.userName })}
                    </span>
                  );
                default:
                  return actionsOf(x);
              }
            }}
          />
        </>
      )}
      {adding && round && (
        <AddPersonDialog
          people={model.people}
          roundName={round.name}
          onClose={() => setAdding(false)}
          onAdd={async (p, reason) => {
            try {
              await addToRound(actor, round.id, p, reason);
              setNotice(t('pipeline.add.done', { name: p.name, round: round.name }));
              setAdding(false);
              return null;
            } catch {
              return t('pipeline.add.already', { name: p.name });
            }
          }}
        />
      )}
      <TopicListCard list={topicList} entries={everyone} proposals={proposals ?? []} />
      {topicFor && (
        <TopicDialog
          entry={topicFor}
          themes={themes}
          others={all}
          onClose={() => setTopicFor(null)}
          onSave={async (topic) => {
            await move(topicFor, 'topicSubmitted', undefined, { topic });
            setTopicFor(null);
          }}
        />
      )}
      {sessionFor && (
        <SessionDialog
          entry={sessionFor}
          onClose={() => setSessionFor(null)}
          onSave={async (session) => {
            await move(sessionFor, 'trialScheduled', undefined, { session });
            setSessionFor(null);
          }}
        />
      )}
      {withdrawing && (
        <aside className="card drawer floating" role="dialog" aria-label={`${t('pipeline.moveTo.withdrawn')} ${withdrawing.name}`}>
          <header>
            <h3>
              {t('pipeline.moveTo.withdrawn')} {t('common.withNote', { text: withdrawing.name, note: withdrawing.employeeId })}
            </h3>
            <button type="button" className="link-button" onClick={() => setWithdrawing(null)} aria-label={t('common.close')}>
              ×
            </button>
          </header>
          <label className="field">
            <span>{t('pipeline.withdrawNote')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="row">
            <button
              type="button"
              onClick={async () => {
                await move(withdrawing, 'withdrawn', note.trim() || undefined);
                setWithdrawing(null);
              }}
            >
              {t('pipeline.moveTo.withdrawn')}
            </button>
            <button type="button" className="secondary" onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </aside>
      )}
    </section>
  );
}
