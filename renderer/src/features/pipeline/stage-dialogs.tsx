// What the later stages record: a candidate's micro-course topic (template 问题-案例-解决方法,
// linked to a theme of the topic list proposed from the needs survey) and their trial lecture.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineRecord, TopicTheme } from '../../data/index.ts';
import { DateInput } from '../../ui/index.ts';
import { joinList } from '../../i18n/index.ts';

type Topic = NonNullable<PipelineRecord['topic']>;
type Session = NonNullable<PipelineRecord['session']>;

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="card drawer floating" role="dialog" aria-label={title}>
      <header>
        <h3>{title}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}

export function TopicDialog({ entry, themes, others, onSave, onClose }: { entry: PipelineRecord; themes: TopicTheme[]; others: PipelineRecord[]; onSave: (topic: Topic) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState<Topic>(entry.topic ?? { title: '', painPoint: '', audience: '', outline: t('pipeline.topic.outlineTemplate'), theme: null });
  const set = (k: keyof Topic, v: string) => setTopic((x) => ({ ...x, [k]: k === 'theme' ? v || null : v }));
  const sameTheme = topic.theme ? others.filter((o) => o.id !== entry.id && o.topic?.theme === topic.theme) : [];
  return (
    <Dialog title={t('pipeline.topic.title', { name: entry.name })} onClose={onClose}>
      <label className="field">
        <span>{t('pipeline.topic.theme')}</span>
        <select value={topic.theme ?? ''} onChange={(e) => set('theme', e.target.value)}>
          <option value="">{t('pipeline.topic.noTheme')}</option>
          {themes.map((x) => (
            <option key={x.theme} value={x.theme}>
              {t('pipeline.topic.themeLine', { theme: x.theme, asked: x.asked, departments: joinList(x.departments, t) })}
            </option>
          ))}
        </select>
        {themes.length === 0 && <span className="hint">{t('pipeline.topic.noThemes')}</span>}
        {sameTheme.length > 0 && <span className="hint">{t('pipeline.topic.sameTheme', { names: joinList(sameTheme.map((o) => o.name), t) })}</span>}
      </label>
      <label className="field">
        <span>{t('pipeline.topic.name')}</span>
        <input value={topic.title} onChange={(e) => set('title', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('pipeline.topic.painPoint')}</span>
        <input value={topic.painPoint} onChange={(e) => set('painPoint', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('pipeline.topic.audience')}</span>
        <input value={topic.audience} onChange={(e) => set('audience', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('pipeline.topic.outline')}</span>
        <textarea rows={4} value={topic.outline} onChange={(e) => set('outline', e.target.value)} />
      </label>
      <div className="row">
        <button type="button" disabled={!topic.title.trim()} onClick={() => void onSave({ ...topic, title: topic.title.trim() })}>
          {t('pipeline.topic.save')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export function SessionDialog({ entry, onSave, onClose }: { entry: PipelineRecord; onSave: (session: Session) => Promise<void>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<Session>(entry.session ?? { date: '', time: '09:00', room: '', minutes: 15 });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(session.date) && /^\d{2}:\d{2}$/.test(session.time) && session.minutes > 0;
  return (
    <Dialog title={t('pipeline.session.title', { name: entry.name })} onClose={onClose}>
      {entry.topic && <p className="hint">{t('pipeline.session.topic', { topic: entry.topic.title })}</p>}
      <label className="field">
        <span>{t('pipeline.session.date')}</span>
        <DateInput label={t('pipeline.session.date')} value={session.date} onChange={(date) => setSession((s) => ({ ...s, date }))} language={i18n.language} placeholder={t('common.datePlaceholder')} pickLabel={t('common.pickDate')} />
      </label>
      <label className="field">
        <span>{t('pipeline.session.time')}</span>
        <input type="time" value={session.time} onChange={(e) => setSession((s) => ({ ...s, time: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('pipeline.session.room')}</span>
        <input value={session.room} onChange={(e) => setSession((s) => ({ ...s, room: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('pipeline.session.minutes')}</span>
        <input type="number" min={1} max={240} value={session.minutes} onChange={(e) => setSession((s) => ({ ...s, minutes: Number(e.target.value) }))} />
      </label>
      <div className="row">
        <button type="button" disabled={!valid} onClick={() => void onSave(session)}>
          {t('pipeline.session.save')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
