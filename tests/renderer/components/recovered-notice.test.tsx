// @vitest-environment jsdom
// After the desktop app reloads a crashed window, the reloaded app says so once.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecoveredNotice } from '../../../renderer/src/shell/app.tsx';
import './setup.ts';

describe('the notice after a crashed window was reloaded', () => {
  it('says what happened and that saved data is there, until dismissed', () => {
    render(<RecoveredNotice search="?recovered=oom" />);
    expect(screen.getByRole('alert').textContent).toContain('窗口刚才意外中止（oom），已重新载入。已保存的数据都在');
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing after a normal start', () => {
    render(<RecoveredNotice search="" />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
