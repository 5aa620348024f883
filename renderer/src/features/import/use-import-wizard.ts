// The import wizard's state machine: file → sheet and header → mapping → preview → mode →
// commit → summary. All parsing, validation, planning and writing happen in the worker.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import type { FieldChange, ImportMode, ImportPlan } from '../../../../shared/domain/facts/plan.ts';
import type { TextEncoding, FileFormat } from '../../../../shared/io/read-file.ts';
import type { SheetInfo } from '../../../../shared/io/sheet.ts';
import { databaseName, ImportSession, isCancelled, troubleOf, type AnalysisSummary, type DuplicateOf, type WizardOptions } from '../../data/index.ts';
import { useAppStore } from '../../store/index.ts';
import type { IoMessageCode } from '../../../../shared/io/messages.ts';

export type Step = 'file' | 'sheet' | 'mapping' | 'preview' | 'mode' | 'done';

export interface Opened {
  fileName: string;
  sha256: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  sheets: SheetInfo[];
  duplicateOf: DuplicateOf | null;
}

/** A failure of the worker shown as the wizard shows file problems: named by file, in the reader's language. */
function wizardErrorOf(e: unknown, file: string): WizardError {
  const trouble = troubleOf(e);
  if (trouble?.code === 'worker.timeout') return { code: 'parseTimeout', params: { file, seconds: trouble.params.seconds as number } };
  if (trouble?.code === 'worker.memory') return { code: 'parseMemory', params: { file, limitMb: trouble.params.limitMb as number } };
  if (trouble?.code === 'worker.crashed') return { code: 'parseCrashed', params: { file }, detail: String(trouble.params.detail ?? '') || undefined };
  return { key: 'importer.analysisFailed', detail: e instanceof Error ? e.message : String(e) };
}

export type WizardError = { code: IoMessageCode; params: Record<string, string | number>; detail?: string } | { key: string; detail?: string };

export interface Planned {
  mode: ImportMode;
  counts: ImportPlan['counts'];
  changes: FieldChange[];
  periods: string[];
  /** Fields the file has no column for: their stored values stay. */
  absent: string[];
  /** Sheet rows with errors, refused (the first 50). */
  invalidRows: number[];
  /** How many values change per field over the whole file. */
  changesByField: Record<string, number>;
}

export function useImportWizard() {
  const user = useAppStore((s) => s.user);
  const session = useRef<ImportSession | null>(null);
  const file = useRef<{ name: string; bytes: Uint8Array } | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [options, setOptions] = useState<WizardOptions>({});
  const [summary, setSummary] = useState<AnalysisSummary | null>(null);
  // A file's problem is a code rendered when shown; a problem of the wizard itself is a message key.
  const [error, setError] = useState<WizardError | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [committed, setCommitted] = useState<ImportPlan['counts'] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => () => session.current?.close(), []);

  const reset = useCallback(() => {
    session.current?.close();
    session.current = null;
    file.current = null;
    setStep('file');
    setOpened(null);
    setOptions({});
    setSummary(null);
    setError(null);
    setProgress(null);
    setPlanned(null);
    setCommitted(null);
  }, []);

  const analyse = useCallback(async (next: WizardOptions) => {
    const s = session.current;
    if (!s) return;
    setOptions(next);
    setProgress(0);
    setPlanned(null);
    try {
      const r = await s.request<'analysed'>({ type: 'analyse', options: next }, setProgress);
      if (r.type === 'failed') {
        setSummary(null);
        setError({ code: r.code, params: r.params, detail: r.detail });
      } else {
        setError(null);
        setSummary(r.summary);
        setVersion((v) => v + 1);
      }
    } catch (e) {
      setSummary(null);
      if (!isCancelled(e)) setError(wizardErrorOf(e, file.current?.name ?? ''));
    } finally {
      setProgress(null);
    }
  }, []);

  const open = useCallback(
    async (name: string, bytes: Uint8Array, encoding?: TextEncoding) => {
      session.current?.close();
      const s = new ImportSession(name);
      session.current = s;
      file.current = { name, bytes };
      setError(null);
      setSummary(null);
      setPlanned(null);
      setCommitted(null);
      setProgress(0);
      // The worker gets its own copy, transferred rather than cloned; the wizard keeps the
      // bytes to reopen the file after a cancel.
      const copy = bytes.slice();
      let r: Awaited<ReturnType<typeof s.request<'opened'>>>;
      try {
        r = await s.request<'opened'>({ type: 'open', dbName: databaseName(), bytes: copy, fileName: name, encoding }, undefined, [copy.buffer]);
      } catch (e) {
        // The watchdog stopped a read that ran too long or died: say so; the app goes on.
        setProgress(null);
        setOpened(null);
        setStep('file');
        if (!isCancelled(e)) setError(wizardErrorOf(e, name));
        return;
      }
      setProgress(null);
      if (r.type === 'failed') {
        setOpened(null);
        setError({ code: r.code, params: r.params, detail: r.detail });
        setStep('file');
        return;
      }
      setOpened({ fileName: name, sha256: r.sha256, format: r.format, encoding: r.encoding, sheets: r.sheets, duplicateOf: r.duplicateOf });
      setStep('sheet');
      await analyse(encoding ? { encoding } : {});
    },
    [analyse],
  );

  /** Stops a running analysis; the file is reopened so the officer can change settings. */
  const cancel = useCallback(async () => {
    session.current?.cancel();
    session.current = null;
    setProgress(null);
    const f = file.current;
    if (f) {
      const s = new ImportSession(f.name);
      session.current = s;
      await s.request({ type: 'open', dbName: databaseName(), bytes: f.bytes.slice(), fileName: f.name, encoding: options.encoding });
      setSummary(null);
      setError({ key: 'importer.analysisCancelled' });
    }
  }, [options.encoding]);

  const rows = useCallback(async (from: number, to: number) => {
    const r = await session.current?.request<'rows'>({ type: 'rows', from, to });
    return r && r.type === 'rows' ? r.rows : [];
  }, []);

  const plan = useCallback(async (mode: ImportMode) => {
    const r = await session.current?.request<'planned'>({ type: 'plan', mode });
    if (r && r.type === 'planned') setPlanned({ mode, counts: r.counts, changes: r.changes, periods: r.periods, absent: r.absent, invalidRows: r.invalidRows, changesByField: r.changesByField });
  }, []);

  const commit = useCallback(async () => {
    if (!user) return;
    setProgress(null);
    const r = await session.current?.request<'committed'>({ type: 'commit', actor: { userId: user.id, userName: user.userName } });
    if (r && r.type === 'committed') {
      setCommitted(r.counts);
      setStep('done');
    }
  }, [user]);

  const errorReport = useCallback(async () => {
    const r = await session.current?.request<'file'>({ type: 'errorReport' });
    return r && r.type === 'file' ? r.bytes : null;
  }, []);

  const setDataset = (dataset: DatasetName) => analyse({ ...options, dataset, mapping: undefined });

  return { step, setStep, opened, options, summary, error, progress, planned, committed, version, open, analyse, cancel, rows, plan, commit, errorReport, reset, setDataset };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
