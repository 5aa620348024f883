// 微课主题清单: the themes micro-courses should cover, each with the pain point behind it, who
// asked for it and which candidates' topics address it. Entries are typed in, or taken from
// what the imported training-needs survey proposes; head office's come down marked 总部下发
// and are read-only at a plant.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTopic, can, removeTopic, themeKey, type PipelineRecord, type TopicEntry, type TopicTheme } from '../../data/index.ts';
import { joinList, sharedFailureText, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { Outcome } from '../../ui/index.ts';

/** The themes a topic can be linked to: the list's entries, then what the survey proposes that is not on it yet. */
export function themeChoices(list: readonly TopicEntry[], proposals: readonly TopicTheme[]): TopicTheme[] {
  const listed = new Set(list.map((e) => themeKey(e.theme)));
  return [...list.map((e) => ({ theme: e.theme, asked: e.asked ?? 0, departments: e.department ? [e.department] : [] })), ...proposals.filter((p) => !listed.has(themeKey(p.theme)))];
}

export function TopicListCard({ list, entries, proposals }: { list: readonly TopicEntry[] | undefined; entries: readonly PipelineRecord[]; proposals: readonly TopicTheme[] }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const language = useAppStore((s) => s.language) as Language;
  const [draft, setDraft] = useState({ theme: '', painPoint: '', department: '', skill: '' });
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const writer = can(user, 'pipeline.move');
  if (!list) return null;
  const actor = { userId: user.id, userName: user.userName };
  const listed = new Set(list.map((e) => themeKey(e.theme)));
  const waiting = proposals.filter((p) => !listed.has(themeKey(p.theme)));
  const addressing = (theme: string) => entries.filter((e) => e.topic?.theme && themeKey(e.topic.theme) === themeKey(theme)).map((e) => e.name);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setNote(null);
    setError(null);
    try {
      await work();
      setNote(done);
    } catch (e) {
      setError(sharedFailureText(e, language) ?? (e as Error).message);
    }
  };
  return (
    <section className="card topic-list" aria-label={t('pipeline.topics.title')}>
      <h3>{t('pipeline.topics.titleCount', { count: list.length })}</h3>
      <p className="hint">{t('pipeline.topics.hint')}</p>
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="plain-table" aria-label={t('pipeline.topics.title')}>
            <thead>
              <tr>
                <th>{t('pipeline.topics.theme')}</th>
                <th>{t('pipeline.topics.painPoint')}</th>
                <th>{t('pipeline.topics.department')}</th>
                <th>{t('pipeline.topics.skill')}</th>
                <th>{t('pipeline.topics.asked')}</th>
                <th>{t('pipeline.topics.addressedBy')}</th>
                <th>{t('pipeline.topics.source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((e) => {
                const names = addressing(e.theme);
                return (
                  <tr key={e.id}>
                    <td>{e.theme}</td>
                    <td>{e.painPoint}</td>
                    <td>{e.department ?? ''}</td>
                    <td>{e.skill ?? ''}</td>
                    <td className="num">{e.asked ?? ''}</td>
                    <td>{names.length ? joinList(names, t) : <span className="muted">{t('pipeline.topics.nobody')}</span>}</td>
                    <td>{e.fromHq ? t('pipeline.topics.fromHq') : t(`pipeline.topics.sources.${e.source}`)}</td>
                    <td>
                      {e.own && writer && (
                        <button type="button" className="link-button" aria-label={t('pipeline.topics.remove', { theme: e.theme })} onClick={() => void run(() => removeTopic(actor, e.id), t('pipeline.topics.removed', { theme: e.theme }))}>
                          {t('pipeline.topics.removeShort')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {writer && waiting.length > 0 && (
        <>
          <h4>{t('pipeline.topics.proposed')}</h4>
          <ul className="check-list">
            {waiting.map((p) => (
              <li key={p.theme} className="row">
                <span>{t('pipeline.topic.themeLine', { theme: p.theme, asked: p.asked, departments: joinList(p.departments, t) })}</span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void run(() => addTopic(actor, { theme: p.theme, painPoint: '', department: p.departments.length === 1 ? p.departments[0] : null, skill: null, asked: p.asked, source: 'needs' }), t('pipeline.topics.added', { theme: p.theme }))}
                >
                  {t('pipeline.topics.take', { theme: p.theme })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {writer && (
        <form
          className="row"
          onSubmit={(ev) => {
            ev.preventDefault();
            void run(async () => {
              await addTopic(actor, { theme: draft.theme, painPoint: draft.painPoint, department: draft.department || null, skill: draft.skill || null });
              setDraft({ theme: '', painPoint: '', department: '', skill: '' });
            }, t('pipeline.topics.added', { theme: draft.theme.trim() }));
          }}
        >
          {(['theme', 'painPoint', 'department', 'skill'] as const).map((f) => (
            <label key={f} className="field compact">
              {t(`pipeline.topics.${f}`)}
              <input value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
            </label>
          ))}
          <button type="submit" className="secondary" disabled={!draft.theme.trim()}>
            {t('pipeline.topics.add')}
          </button>
        </form>
      )}
      <Outcome note={note} error={error} />
    </section>
  );
}
