// One criterion's card: its title, the window of years where it has one, and the editor its
// kind registers (criteria/index.ts). Every change produces a new criterion value; the screen
// re-evaluates on each, so sliders update the results live.

import { memo, useMemo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../shared/domain/screening/profile.ts';
import { criterionTitle } from './format.ts';
import { CRITERION_EDITORS, NumberSlider } from './criteria/index.ts';
import type { EditorProps } from './criteria/controls.tsx';

interface Props {
  criterion: Criterion;
  index: number;
  /** Stable across renders, so that moving one slider re-renders only its own card. */
  onChangeAt: (index: number, c: Criterion) => void;
  onRemoveAt: (index: number) => void;
  passCount?: number;
}

export const CriterionEditor = memo(function CriterionEditor({ criterion: c, index, onChangeAt, onRemoveAt, passCount }: Props) {
  const { t, i18n } = useTranslation();
  const title = useMemo(() => criterionTitle(c, i18n.language), [c, i18n.language]);
  return (
    <section className="card criterion" aria-label={title}>
      <CriterionControls criterion={c} title={title} index={index} onChangeAt={onChangeAt} onRemoveAt={onRemoveAt} />
      {passCount !== undefined && <p className="hint">{t('screening.passCount', { count: passCount })}</p>}
    </section>
  );
});

/** The card's title and controls, memoised apart from its pass count: the evaluation a slider
 *  step brings changes the count, and re-renders that line only. */
const CriterionControls = memo(function CriterionControls({ criterion: c, title, index, onChangeAt, onRemoveAt }: Omit<Props, 'passCount'> & { title: string }) {
  const { t } = useTranslation();
  // Editing a parameter makes the built-in wording stale: show the criterion in words again.
  const edit = (next: Criterion) => onChangeAt(index, { ...next, label: undefined });
  const onRemove = () => onRemoveAt(index);
  const Editor = CRITERION_EDITORS[c.kind] as ComponentType<EditorProps<Criterion>>;
  return (
    <>
      <header>
        <h4>{title}</h4>
        <button type="button" className="link-button remove" onClick={onRemove} aria-label={`${t('screening.remove')} ${title}`}>
          ×
        </button>
      </header>
      {'years' in c && <NumberSlider label={t('screening.years')} value={c.years} min={1} max={5} step={1} onChange={(years) => edit({ ...c, years })} />}
      <Editor criterion={c} edit={edit} />
    </>
  );
});
