// 员工: all employees in a virtualised table with search (工号, 姓名, pinyin initials),
// filters and sortable columns.

import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentScope, recordAudit, exportRows, isCancelled, peopleCountFor, queryPeopleFor, useFactModel, useInstallation, type PeopleIndex, type PeopleQuery, type RunningExport, type SortColumn } from '../../data/index.ts';
import { formatDate, type Language } from '../../i18n/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';
import { navigate, textColumns, VirtualTable, type TableColumn } from '../../ui/index.ts';
import { DEFAULT_DEMO_EMPLOYEES, DemoFields, DemoProgressView, useDemoLoader, type DemoSettings } from '../setup/index.ts';

const COLUMNS: { id: SortColumn; width: number; minChars?: number }[] = [
  { id: 'employeeId', width: 1, minChars: 11 },
  // Four characters: most Chinese names whole.
  { id: 'name', width: 1, minChars: 8 },
  { id: 'plant', width: 1.4 },
  { id: 'department', width: 1.2 },
  { id: 'position', width: 1.1 },
  { id: 'status', width: 0.8 },
  { id: 'hireDate', width: 1.2 },
];

type FilterKey = 'plant' | 'department' | 'position' | 'status';

function FilterSelect({ index, field, value, onChange }: { index: PeopleIndex; field: FilterKey; value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  const labels = useMemo(() => [...index[field].labels].filter((l) => l !== '').sort((a, b) => a.localeCompare(b, 'zh-CN')), [index, field]);
  return (
    <label className="field compact">
      <span>{t(`people.${field}`)}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} aria-label={t(`people.${field}`)}>
        <option value="">{t('people.all')}</option>
        {labels.map((l) => (
          <option key={l} value={l}>
            {field === 'status' ? t(`status.${l}`, { defaultValue: l }) : l}
          </option>
        ))}
      </select>
    </label>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  const installation = useInstallation();
  const loader = useDemoLoader();
  const [demo, setDemo] = useState<DemoSettings>({ employees: DEFAULT_DEMO_EMPLOYEES, seed: '1' });
  const pendingDemo = useAppStore((s) => s.pendingDemo);
  const setPendingDemo = useAppStore((s) => s.setPendingDemo);
  useEffect(() => {
    if (!pendingDemo || !installation) return;
    setPendingDemo(null);
    setDemo(pendingDemo);
    void loader.start(pendingDemo, installation);
  }, [pendingDemo, installation, loader, setPendingDemo]);
  return (
    <div className="card empty-state">
      <p>{t('people.empty')}</p>
      <p className="muted">{t('people.emptyHint')}</p>
      <DemoFields value={demo} onChange={setDemo} />
      {loader.progress ? (
        <DemoProgressView progress={loader.progress} onCancel={loader.cancel} />
      ) : (
        <button type="button" className="primary" disabled={!installation} onClick={() => installation && loader.start(demo, installation)}>
          {t('setup.demo')}
        </button>
      )}
      {loader.message && <p className={loader.message.kind === 'error' ? 'error' : 'muted'}>{loader.message.text}</p>}
    </div>
  );
}

export function PeopleScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const model = useFactModel();
  const user = useAppStore((s) => s.user);
  const scope = departmentScope(user);
  // The search, filters and sort survive opening an employee and coming back.
  const remembered = useAppStore((s) => s.views.people) as PeopleQuery | undefined;
  const setView = useAppStore((s) => s.setView);
  const [query, setQueryState] = useState<PeopleQuery>(remembered ?? { text: '', plant: null, department: null, position: null, status: null, sort: 'employeeId', descending: false });
  const setQuery = (q: PeopleQuery) => {
    setQueryState(q);
    setView('people', q);
  };
  const deferred = useDeferredValue(query);
  const [exporting, setExporting] = useState<RunningExport | null>(null);
  const index = model.people;
  // A department head's list is their department's, whatever the filters say.
  const rows = useMemo(() => (index ? queryPeopleFor(index, deferred, user) : new Uint32Array(0)), [index, deferred, user]);
  const total = useMemo(() => (index ? peopleCountFor(index, user) : 0), [index, user]);

  if (model.version === 0) return <p className="muted pad">{t('people.loadingModel')}</p>;
  if (!index || index.length === 0) return <EmptyState />;

  // On a tablet the plant, department and position give way first: a header, a status badge
  // (12 px text in a 14 px table, 16 px of padding) and a date in this language are never cut.
  const floors: Partial<Record<SortColumn, number>> = {
    status: Math.max(...index.status.labels.map((s) => Math.ceil((textColumns(s ? t(`status.${s}`, { defaultValue: s }) : '') * 12) / 14) + 2)),
    hireDate: Math.max(...['2000-09-28', '2000-12-28'].map((d) => textColumns(formatDate(d, language, 'short')))),
  };
  const columns: TableColumn[] = COLUMNS.map((c) => {
    const title = t(`people.columns.${c.id}`);
    // The header's sort arrow takes two more.
    return { id: c.id, title, width: c.width, minChars: Math.max(textColumns(title) + 2, floors[c.id] ?? c.minChars ?? 0), sortable: true };
  });
  const cell = (position: number, column: string) => {
    const row = rows[position];
    switch (column) {
      case 'employeeId':
        return <span className="mono">{index.ids[row]}</span>;
      case 'name':
        return index.names[row];
      case 'hireDate':
        return formatDate(index.hireDates[row], language, 'short');
      case 'status': {
        const s = index.status.labels[index.status.codes[row]];
        return <span className={`status status-${s}`}>{s ? t(`status.${s}`, { defaultValue: s }) : ''}</span>;
      }
      default: {
        const dict = index[column as FilterKey];
        return dict.labels[dict.codes[row]];
      }
    }
  };
  const filtered = rows.length !== total;
  const exportList = async (format: 'xlsx' | 'csv') => {
    const ids = Array.from(rows, (r) => index.ids[r] ?? '');
    if (!user) return;
    const job = exportRows(user.id, ids, format);
    setExporting(job);
    try {
      const { bytes, rows: count } = await job.done;
      const saved = await getPlatform().saveFile({ suggestedName: `员工名单-${new Date().toISOString().slice(0, 10)}.${format}`, bytes, filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] }] });
      // Personal data leaving the application is recorded.
      if (saved && user) await recordAudit({ userId: user.id, userName: user.userName }, 'people.export', 'people', null, { count, format, scope });
    } catch (e) {
      if (!isCancelled(e)) throw e;
    } finally {
      setExporting(null);
    }
  };
  return (
    <section className="screen people" aria-label={t('people.title')}>
      <header className="toolbar">
        <h2>{t('people.title')}</h2>
        <input type="search" className="search" placeholder={t('people.search')} aria-label={t('people.search')} value={query.text} onChange={(e) => setQuery({ ...query, text: e.target.value })} />
        {scope !== null && <span className="badge warn">{t('people.scope', { department: scope })}</span>}
        {(['plant', 'department', 'position', 'status'] as const).filter((f) => scope === null || f !== 'department').map((f) => (
          <FilterSelect key={f} index={index} field={f} value={query[f]} onChange={(v) => setQuery({ ...query, [f]: v })} />
        ))}
        {exporting ? (
          <button type="button" className="secondary" onClick={() => exporting.cancel()}>
            {t('people.exporting')}
          </button>
        ) : (
          <select aria-label={t('people.export')} value="" disabled={rows.length === 0} onChange={(e) => e.target.value && void exportList(e.target.value as 'xlsx' | 'csv')}>
            <option value="">{t('people.exportCount', { count: rows.length })}</option>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">{t('people.exportCsv')}</option>
          </select>
        )}
        <span className="count" data-testid="people-count">
          {filtered ? t('people.countFiltered', { count: rows.length, total }) : t('people.count', { count: total })}
        </span>
      </header>
      {rows.length === 0 ? (
        <p className="muted pad">{t('people.noMatch')}</p>
      ) : (
        <VirtualTable
          label={t('people.title')}
          columns={columns}
          rowCount={rows.length}
          windowLabels={{ previous: t('common.earlierRows'), next: t('common.laterRows') }}
          renderCell={cell}
          sort={{ column: query.sort, descending: query.descending }}
          sortLabel={(title) => t('people.sortBy', { column: title })}
          onSort={(c) => setQuery({ ...query, sort: c as SortColumn, descending: query.sort === c ? !query.descending : false })}
          onRowClick={(position) => navigate({ name: 'employee', id: index.ids[rows[position]] ?? '' })}
        />
      )}
    </section>
  );
}
