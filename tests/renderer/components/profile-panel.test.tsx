// @vitest-environment jsdom
// The officer edits a profile on the left of 培训师筛选.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_PROFILE, type Profile } from '../../../shared/domain/screening/profile.ts';
import { CriterionEditor } from '../../../renderer/src/features/screening/criterion-editor.tsx';
import { ProfilePanel, type ProfilePanelProps } from '../../../renderer/src/features/screening/profile-panel.tsx';
import { setLanguage } from '../../../renderer/src/i18n/index.ts';
import './setup.ts';

const info = { employees: 300, latestPerformanceEnd: '2026-09-30', departments: ['设备维修部', '质量部'], plants: [], dimensions: ['带教能力', '沟通能力'], activityTypes: ['知识分享会'], certificates: ['高级技师', '高级工程师'], batches: [] };
const run = { id: 'r1', createdAt: '2026-10-01T08:00:00.000Z', userName: 'wang', profileName: SEED_PROFILE.name, profileVersion: 1, asOf: '2026-09-30', candidates: [{}, {}], nearMisses: [{}] } as never;

function panel(over: Partial<ProfilePanelProps> = {}) {
  const props: ProfilePanelProps = { profile: SEED_PROFILE, onProfile: vi.fn(), saved: [], info, passCounts: SEED_PROFILE.criteria.map((c) => ({ id: c.id, pass: 12 })), canSaveProfile: true, onSaveProfile: vi.fn(), runs: [run], onHandOff: vi.fn(), language: 'zh-CN', ...over };
  render(<ProfilePanel {...props} />);
  return props;
}

/** The profile the panel asked for last: a new one, or its update applied to the one shown. */
function asked(props: ProfilePanelProps): Profile {
  const change = (props.onProfile as ReturnType<typeof vi.fn>).mock.calls.at(-1)![0] as Profile | ((p: Profile) => Profile);
  return typeof change === 'function' ? change(props.profile) : change;
}

describe('the profile panel', () => {
  it('shows one card per criterion of the built-in profile, each with how many pass', () => {
    panel();
    const region = screen.getByRole('complementary', { name: '画像条件' });
    for (const c of SEED_PROFILE.criteria) expect(within(region).getByRole('region', { name: c.label! })).toBeTruthy();
    expect(within(region).getAllByText(/12/).length).toBeGreaterThanOrEqual(SEED_PROFILE.criteria.length);
  });

  it('shows the pass counts of each new evaluation on the cards', () => {
    const counts = (pass: number) => SEED_PROFILE.criteria.map((c) => ({ id: c.id, pass: c.id === 'coaching' ? pass : 12 }));
    const props: ProfilePanelProps = { profile: SEED_PROFILE, onProfile: vi.fn(), saved: [], info, passCounts: counts(40), canSaveProfile: true, onSaveProfile: vi.fn(), runs: [], onHandOff: null, language: 'zh-CN' };
    const { rerender } = render(<ProfilePanel {...props} />);
    const coaching = () => screen.getByRole('region', { name: SEED_PROFILE.criteria.find((c) => c.id === 'coaching')!.label! });
    expect(within(coaching()).getByText(/40/)).toBeTruthy();
    rerender(<ProfilePanel {...props} passCounts={counts(37)} />);
    expect(within(coaching()).getByText(/37/)).toBeTruthy();
    expect(within(coaching()).queryByText(/40/)).toBeNull();
  });

  it('names the built-in profile and its criteria in English for an English reader', () => {
    setLanguage('en');
    try {
      panel({ language: 'en' });
      expect((screen.getByRole('combobox', { name: 'Profile' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Internal trainer profile (example) (built in)');
      expect(screen.getByRole('region', { name: 'Top 15% by mean Score over 2 years (within department)' })).toBeTruthy();
      // No full-width brackets of Chinese text in English (data such as activity types aside).
      expect(document.body.textContent).not.toContain('（');
    } finally {
      setLanguage('zh-CN');
    }
  });

  it('adds a certificate criterion from the certificates the data holds', () => {
    const props = panel();
    fireEvent.change(screen.getByRole('combobox', { name: '添加条件' }), { target: { value: 'certificate' } });
    const next = asked(props);
    expect(next.criteria.at(-1)).toEqual({ id: 'certificate', kind: 'certificate', anyOf: ['高级技师'] });
  });

  it('edits a criterion through an update of the current profile, so that the other cards keep their props', () => {
    const props = panel();
    fireEvent.change(screen.getByRole('spinbutton', { name: /^门槛（带教能力 >=）$/ }), { target: { value: '4.7' } });
    const update = (props.onProfile as ReturnType<typeof vi.fn>).mock.calls[0][0] as (p: Profile) => Profile;
    const next = update(SEED_PROFILE);
    expect(next.criteria.find((c) => c.id === 'coaching')).toMatchObject({ value: 4.7 });
    expect(next.criteria.filter((c) => c.id !== 'coaching')).toEqual(SEED_PROFILE.criteria.filter((c) => c.id !== 'coaching'));
  });

  it('turns a renamed built-in profile into a profile of its own', () => {
    const props = panel();
    fireEvent.change(screen.getByLabelText('画像名称'), { target: { value: '设备维护讲师' } });
    const next = asked(props);
    expect(next.name).toBe('设备维护讲师');
    expect(next.id).not.toBe('seed');
  });

  it('offers a saved run to selection only to accounts that may hand runs over', () => {
    const props = panel();
    fireEvent.click(screen.getByRole('button', { name: '加入选拔流程' }));
    expect(props.onHandOff).toHaveBeenCalledWith(run);
    cleanup();
    panel({ onHandOff: null });
    expect(screen.queryByRole('button', { name: '加入选拔流程' })).toBeNull();
  });
});

describe('a criterion card', () => {
  it('edits a percentage threshold in percent and stores the fraction', () => {
    const improvement = SEED_PROFILE.criteria.find((c) => c.id === 'improvement')!;
    const onChange = vi.fn();
    render(<CriterionEditor criterion={improvement} index={1} onChangeAt={onChange} onRemoveAt={vi.fn()} />);
    const box = screen.getByRole('spinbutton', { name: /^门槛（下属业绩提升率，% >=）$/ }) as HTMLInputElement;
    expect(box.value).toBe('20');
    fireEvent.change(box, { target: { value: '25' } });
    expect(onChange).toHaveBeenCalledWith(1, expect.objectContaining({ id: 'improvement', value: 0.25, label: undefined }));
  });

  it('edits a rating threshold on its 1–5 scale', () => {
    const coaching = SEED_PROFILE.criteria.find((c) => c.id === 'coaching')!;
    render(<CriterionEditor criterion={coaching} index={2} onChangeAt={vi.fn()} onRemoveAt={vi.fn()} />);
    const box = screen.getByRole('spinbutton', { name: /^门槛（带教能力 >=）$/ }) as HTMLInputElement;
    expect([box.min, box.max, box.value]).toEqual(['1', '5', '4.5']);
  });
});
