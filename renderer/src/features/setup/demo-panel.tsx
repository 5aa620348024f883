// Loads the demo plant in a Web Worker with progress and a cancel button.

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { databaseName, isCancelled, loadDemoPlant, type Installation, type DemoProgress } from '../../data/index.ts';
import { lastCompleteQuarter } from '../../../../shared/domain/periods.ts';
import { useAppStore } from '../../store/index.ts';
import { ProgressBar } from '../../ui/index.ts';

export const DEFAULT_DEMO_EMPLOYEES = 5000;
export const MAX_DEMO_EMPLOYEES = 200_000;

export interface DemoSettings {
  employees: number;
  seed: string;
}

export function DemoFields({ value, onChange }: { value: DemoSettings; onChange: (v: DemoSettings) => void }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <label className="field">
        <span>{t('setup.demoEmployees')}</span>
        <input type="number" min={20} max={MAX_DEMO_EMPLOYEES} step={1} value={value.employees} onChange={(e) => onChange({ ...value, employees: Number(e.target.value) })} />
      </label>
      <label className="field">
        <span>{t('setup.demoSeed')}</span>
        <input value={value.seed} onChange={(e) => onChange({ ...value, seed: e.target.value })} />
      </label>
    </div>
  );
}

/** Runs a demo load; returns a controller for the UI. */
export function useDemoLoader() {
  const user = useAppStore((s) => s.user);
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const { t } = useTranslation();

  const start = async (settings: DemoSettings, installation: Installation, actor = user ? { userId: user.id, userName: user.userName } : null) => {
    if (!actor) return;
    abort.current = new AbortController();
    setMessage(null);
    setProgress({ stage: 'generate', fraction: 0 });
    try {
      const count = await loadDemoPlant(
        {
          dbName: databaseName(),
          employees: Math.max(20, Math.min(MAX_DEMO_EMPLOYEES, Math.round(settings.employees))),
          seed: settings.seed || '1',
          endQuarter: lastCompleteQuarter(new Date().toISOString().slice(0, 10)).label,
          plant: installation.plant ?? { code: 'HQ', name: installation.orgName, region: '' },
          actor,
        },
        setProgress,
        abort.current.signal,
      );
      setMessage({ kind: 'ok', text: t('demo.done', { count }) });
    } catch (e) {
      setMessage(isCancelled(e) ? { kind: 'ok', text: t('demo.cancelled') } : { kind: 'error', text: t('demo.failed', { message: (e as Error).message }) });
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };
  return { progress, message, start, cancel: () => abort.current?.abort() };
}

export function DemoProgressView({ progress, onCancel }: { progress: DemoProgress; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = progress.stage === 'generate' ? t('demo.generate', { percent: Math.round(progress.fraction * 100) }) : t('demo.store');
  return (
    <div className="demo-progress">
      <ProgressBar fraction={progress.stage === 'generate' ? progress.fraction : null} label={label} />
      <button type="button" className="secondary" onClick={onCancel}>
        {t('demo.cancel')}
      </button>
    </div>
  );
}
