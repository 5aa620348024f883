// A date field that reads the way its reader writes dates (2026/09/30 under 年/月/日 in Chinese,
// 2026-09-30 in English) whatever the browser's own locale is: a native date input shows the
// browser's format (09/30/2026 on an English Windows), which a Chinese officer misreads. Typed
// dates are read in the usual forms (2026/9/30, 2026-09-30, 2026.9.30, 2026年9月30日,
// 20260930); the calendar button opens the browser's own picker.

import { useEffect, useRef, useState } from 'react';

/** The ISO date (YYYY-MM-DD) a typed text names, or null. */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An ISO date as the reader writes it. */
export function dateText(iso: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  return language.startsWith('zh') ? iso.replaceAll('-', '/') : iso;
}

interface Props {
  value: string;
  onChange: (iso: string) => void;
  language: string;
  label?: string;
  /** 年/月/日 or yyyy-mm-dd: the reader's words, from the feature's catalogue. */
  placeholder: string;
  pickLabel: string;
  /** When false, clearing the field is not a value: the last date stays. */
  allowEmpty?: boolean;
}

export function DateInput({ value, onChange, language, label, placeholder, pickLabel, allowEmpty = true }: Props) {
  const [text, setText] = useState(() => dateText(value, language));
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText(dateText(value, language));
    setInvalid(false);
  }, [value, language]);
  const commit = () => {
    if (!text.trim()) {
      setInvalid(false);
      if (allowEmpty) onChange('');
      else setText(dateText(value, language));
      return;
    }
    const iso = parseDateText(text);
    setInvalid(!iso);
    if (iso) {
      setText(dateText(iso, language));
      if (iso !== value) onChange(iso);
    }
  };
  return (
    <span className="date-input">
      <input
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={invalid || undefined}
        size={11}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <button type="button" className="link-button date-pick" aria-label={pickLabel} title={pickLabel} onClick={() => picker.current?.showPicker?.()}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
        </svg>
      </button>
      <input ref={picker} type="date" tabIndex={-1} aria-hidden="true" className="date-picker-native" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </span>
  );
}
