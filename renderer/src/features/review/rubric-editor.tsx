// 评分标准: the rubric a round's reviewers score on — weighted criteria with a description and a
// scale of 1–10 or 1–5 — chosen from a template (the built-in one, head office's, this
// installation's own) and adjusted for the round. Saved as a template it can be used again and,
// at head office, travels down to every plant, read-only there. Once a round's packets are out
// its rubric is frozen and shown read-only.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RUBRIC, normalisedWeights, RUBRIC_SCALES, rubricProblem, type Rubric } from '../../../../shared/domain/review/rubric.ts';
import { deleteRubric, saveRubric, useRubricTemplates, type RubricChoice } from '../../data/index.ts';
import { failureText } from '../../../../shared/domain/messages.ts';
import { failure } from '../../../../shared/domain/failure.ts';
import { canonicalJson } from '../../../../shared/bundle/encoding.ts';
import { sharedFailureText, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { Outcome } from '../../ui/index.ts';

/** The built-in template's names and descriptions read in the reader's language while unchanged. */
function builtInText(r: Rubric, t: (k: string) => string) {
  const same = r.id === DEFAULT_RUBRIC.id;
  return {
    name: same && r.name === DEFAULT_RUBRIC.name ? t('results.rubric.builtInName') : r.name,
    criterion: (c: Rubric['criteria'][number]) => {
      const base = same ? DEFAULT_RUBRIC.criteria.find((d) => d.id === c.id) : undefined;
      return {
        name: base && base.name === c.name ? t(`results.rubric.builtIn.${c.id}`) : c.name,
        description: base && base.description === c.description ? t(`results.rubric.builtIn.${c.id}Hint`) : c.description,
      };
    },
  };
}

/** A template's name in the template list, marked as head office's or built in. */
function choiceLabel(c: RubricChoice, t: (k: string, o?: Record<string, unknown>) => string): string {
  const name = builtInText(c.rubric, t).name;
  return c.builtIn ? t('results.rubric.builtInChoice', { name }) : c.fromHq ? t('results.rubric.fromHqChoice', { name, version: c.rubric.version }) : t('results.rubric.ownChoice', { name, version: c.rubric.version });
}

/** The rubric's criteria, weights and scale as one line (选题相关性 40% · 表达能力 30% … · 1–10 分). */
export function RubricSummary({ rubric }: { rubric: Rubric }) {
  const { t } = useTranslation();
  const weights = normalisedWeights(rubric);
  const text = builtInText(rubric, t);
  return (
    <p className="hint" data-testid="rubric-summary">
      {t('common.labelled', { label: text.name, value: `${rubric.criteria.map((c) => `${text.criterion(c).name} ${Math.round((weights.get(c.id) ?? 0) * 100)}%`).join(t('common.listSeparator'))} · ${t('review.scale', rubric.scale)}` })}
    </p>
  );
}

export function RubricEditor({ value, onChange, frozen }: { value: Rubric; onChange: (r: Rubric) => void; frozen: boolean }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const language = useAppStore((s) => s.language) as Language;
  const templates = useRubricTemplates();
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The template the rubric is, while it is unchanged; an edited rubric is nobody's template yet.
  const chosen = templates?.find((c) => canonicalJson(c.rubric) === canonicalJson(value));
  const problem = rubricProblem(value);
  const text = builtInText(value, t);
  const setCriterion = (i: number, patch: Partial<Rubric['criteria'][number]>) => onChange({ ...value, criteria: value.criteria.map((c, k) => (k === i ? { ...c, ...patch } : c)) });
  const sum = value.criteria.reduce((n, c) => n + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  if (frozen)
    return (
      <fieldset className="plain" aria-label={t('results.rubric.title')}>
        <legend>{t('results.rubric.title')}</legend>
        <RubricSummary rubric={value} />
        <p className="hint">{t('results.rubric.frozen')}</p>
      </fieldset>
    );
  return (
    <fieldset className="plain rubric-editor" aria-label={t('results.rubric.title')}>
      <legend>{t('results.rubric.title')}</legend>
      <div className="row">
        <label className="field compact">
          {t('results.rubric.template')}
          <select
            value={chosen ? value.id : ''}
            onChange={(e) => {
              const c = templates?.find((x) => x.rubric.id === e.target.value);
              if (c) onChange(c.rubric);
            }}
          >
            {!chosen && <option value="">{t('results.rubric.edited')}</option>}
            {templates?.map((c) => (
              <option key={c.rubric.id} value={c.rubric.id}>
                {choiceLabel(c, t)}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          {t('results.rubric.name')}
          <input value={text.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />
        </label>
        <label className="field compact">
          {t('results.rubric.scale')}
          <select value={`${value.scale.min}-${value.scale.max}`} onChange={(e) => onChange({ ...value, scale: RUBRIC_SCALES.find((s) => `${s.min}-${s.max}` === e.target.value) ?? value.scale })}>
            {RUBRIC_SCALES.map((s) => (
              <option key={s.max} value={`${s.min}-${s.max}`}>
                {t('review.scale', s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {chosen?.fromHq && <p className="hint">{t('results.rubric.fromHqHint')}</p>}
      <ul className="rubric-rows">
        {value.criteria.map((c, i) => {
          const shown = text.criterion(c);
          return (
            <li key={c.id} className="row">
              <label className="field compact">
                {t('results.rubric.criterion', { n: i + 1 })}
                <input value={shown.name} onChange={(e) => setCriterion(i, { name: e.target.value })} />
              </label>
              <label className="field compact weight">
                {t('results.rubric.weight')}
                <input type="number" min={1} max={1000} step={1} value={Number.isFinite(c.weight) ? c.weight : ''} onChange={(e) => setCriterion(i, { weight: e.target.value === '' ? Number.NaN : Number(e.target.value) })} aria-label={t('results.rubric.weightOf', { name: shown.name || i + 1 })} />
              </label>
              <label className="field compact grow">
                {t('results.rubric.description')}
                <input value={shown.description} onChange={(e) => setCriterion(i, { description: e.target.value })} aria-label={t('results.rubric.descriptionOf', { name: shown.name || i + 1 })} />
              </label>
              <button type="button" className="link-button" disabled={value.criteria.length <= 1} onClick={() => onChange({ ...value, criteria: value.criteria.filter((_, k) => k !== i) })} aria-label={t('results.rubric.remove', { name: shown.name || i + 1 })}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className="row">
        <button type="button" className="secondary" disabled={value.criteria.length >= 20} onClick={() => onChange({ ...value, criteria: [...value.criteria, { id: `c${Date.now().toString(36)}`, name: '', description: '', weight: 10 }] })}>
          {t('results.rubric.add')}
        </button>
        <span className="hint">{t('results.rubric.sum', { sum })}</span>
        <button
          type="button"
          className="secondary"
          disabled={!!problem}
          onClick={async () => {
            setNote(null);
            setError(null);
            try {
              const saved = await saveRubric({ userId: user.id, userName: user.userName }, { ...value, name: text.name, criteria: value.criteria.map((c) => ({ ...c, ...text.criterion(c) })) });
              onChange(saved);
              setNote(t('results.rubric.saved', { name: saved.name, version: saved.version }));
            } catch (e) {
              setError(sharedFailureText(e, language) ?? (e as Error).message);
            }
          }}
        >
          {t('results.rubric.saveTemplate')}
        </button>
      </div>
      {problem && <p className="hint error-text">{failureText(failure(`review.rubricInvalid.${problem}`), language === 'en' ? 'en' : 'zh')}</p>}
      <Outcome note={note} error={error} />
    </fieldset>
  );
}

/**
 * Head office's templates for the plants: pick one to edit (or start from the built-in one),
 * save it as a new version, delete one that is no longer wanted. Every acknowledgement carries
 * them down.
 */
export function RubricTemplatesCard() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const language = useAppStore((s) => s.language) as Language;
  const templates = useRubricTemplates();
  const [editing, setEditing] = useState<Rubric>(DEFAULT_RUBRIC);
  const [error, setError] = useState<string | null>(null);
  const own = (templates ?? []).filter((c) => !c.builtIn && !c.fromHq);
  return (
    <section className="card sync-card" aria-label={t('results.rubric.hqTitle')}>
      <h3>{t('results.rubric.hqTitle')}</h3>
      <p className="hint">{t('results.rubric.hqHint')}</p>
      {own.length > 0 && (
        <ul className="check-list" data-testid="rubric-templates">
          {own.map((c) => (
            <li key={c.rubric.id} className="row">
              <RubricSummary rubric={c.rubric} />
              <button
                type="button"
                className="link-button"
                onClick={async () => {
                  setError(null);
                  try {
                    await deleteRubric({ userId: user.id, userName: user.userName }, c.rubric.id);
                  } catch (e) {
                    setError(sharedFailureText(e, language) ?? (e as Error).message);
                  }
                }}
              >
                {t('results.rubric.delete', { name: c.rubric.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <RubricEditor value={editing} onChange={setEditing} frozen={false} />
      <Outcome note={null} error={error} />
    </section>
  );
}
