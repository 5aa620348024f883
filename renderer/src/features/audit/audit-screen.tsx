// 操作日志: who did what and when, filterable by user, action, text and date.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditChain, useAuditEntries, useUsers, type AuditFilter } from '../../data/index.ts';
import { formatDateTime, type Language } from '../../i18n/index.ts';
import { auditSummary } from '../../i18n/audit-summary.ts';
import { useAppStore } from '../../store/index.ts';
import { DateInput, textColumns, VirtualTable } from '../../ui/index.ts';

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const [filter, setFilter] = useState<AuditFilter>({ userName: null, action: null, text: '', from: null, to: null });
  const entries = useAuditEntries(filter);
  const users = useUsers();
  const chain = useAuditChain();
  const actions = Object.keys(t('audit.actions', { returnObjects: true }) as Record<string, string>);
  // Time, user and action are never cut: their floors are their longest content (a long
  // action name or user name is capped); on a tablet the summary narrows and the table
  // scrolls sideways before they do.
  // Letters of a proportional font run wider than the digit a `ch` measures: a fifth more.
  const widest = (texts: string[], cap: number) => Math.min(cap, Math.ceil(1.2 * Math.max(4, ...texts.map(textColumns))));
  const columns = [
    { id: 'at', title: t('audit.time'), width: 1.3, minChars: textColumns(formatDateTime('2026-12-22T22:22:22', language)) },
    { id: 'user', title: t('audit.user'), width: 0.8, minChars: widest((users ?? []).map((u) => u.userName), 20) },
    { id: 'action', title: t('audit.action'), width: 1, minChars: widest(actions.map((a) => t(`audit.actions.${a}`)), 28) },
    { id: 'summary', title: t('audit.summary'), width: 3, minChars: 24 },
  ];
  return (
    <section className="screen audit" aria-label={t('audit.title')}>
      <header className="toolbar">
        <h2>{t('audit.title')}</h2>
        <input type="search" className="search" placeholder={t('audit.search')} aria-label={t('audit.search')} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        <label className="field compact">
          <span>{t('audit.user')}</span>
          <select aria-label={t('audit.user')} value={filter.userName ?? ''} onChange={(e) => setFilter({ ...filter, userName: e.target.value || null })}>
            <option value="">{t('common.all')}</option>
            {users?.map((u) => (
              <option key={u.id} value={u.userName}>
                {t('common.withNote', { text: u.displayName, note: u.userName })}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span>{t('audit.action')}</span>
          <select aria-label={t('audit.action')} value={filter.action ?? ''} onChange={(e) => setFilter({ ...filter, action: e.target.value || null })}>
            <option value="">{t('common.all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span>{t('audit.from')}</span>
          <DateInput label={t('audit.from')} value={filter.from ?? ''} onChange={(v) => setFilter({ ...filter, from: v || null })} language={i18n.language} placeholder={t('common.datePlaceholder')} pickLabel={t('common.pickDate')} />
        </label>
        <label className="field compact">
          <span>{t('audit.to')}</span>
          <DateInput label={t('audit.to')} value={filter.to ?? ''} onChange={(v) => setFilter({ ...filter, to: v || null })} language={i18n.language} placeholder={t('common.datePlaceholder')} pickLabel={t('common.pickDate')} />
        </label>
        <span className="count">{entries ? t('audit.count', { count: entries.length }) : ''}</span>
      </header>
      {chain?.brokenAt ? (
        <p role="alert" className="error" data-testid="audit-chain">
          {t('audit.chainBroken', { time: formatDateTime(chain.brokenAt.at, language) })}
        </p>
      ) : (
        chain && chain.checked > 0 && (
          <p className="hint" data-testid="audit-chain">
            {t('audit.chainOk', { count: chain.checked })}
          </p>
        )
      )}
      {entries && entries.length === 0 ? (
        <p className="muted pad">{t('audit.empty')}</p>
      ) : (
        <VirtualTable
          label={t('audit.title')}
          columns={columns}
          rowCount={entries?.length ?? 0}
          windowLabels={{ previous: t('common.earlierRows'), next: t('common.laterRows') }}
          renderCell={(i, c) => {
            const e = entries![i];
            if (c === 'at') return formatDateTime(e.at, language);
            if (c === 'user') return e.userName;
            if (c === 'action') return t(`audit.actions.${e.action}`, { defaultValue: e.action });
            return auditSummary(e, t);
          }}
        />
      )}
    </section>
  );
}
