// @vitest-environment jsdom
// A slider step's result reaches the parts of 培训师筛选 that show it, and only those: the
// screen around them is not rendered again.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createResultSource, useResult, type ScreeningResult } from '../../../renderer/src/features/screening/use-screening.ts';
import './setup.ts';

const result = (evaluation: number, ms: number) => ({ evaluation, ms, report: { passCounts: [{ id: 'coaching', pass: 10 + evaluation }] } }) as unknown as ScreeningResult;

describe('the newest evaluation', () => {
  it('re-renders what subscribes to it, when the part it shows changes', () => {
    const source = createResultSource();
    const renders = { time: 0, screen: 0 };
    function Time() {
      renders.time++;
      const ms = useResult(source, (r) => r?.ms ?? null);
      return <span data-testid="time">{ms ?? '—'}</span>;
    }
    function Screen() {
      renders.screen++;
      return <Time />;
    }
    render(<Screen />);
    expect(screen.getByTestId('time').textContent).toBe('—');
    act(() => source.setState({ result: result(1, 4) }));
    expect(screen.getByTestId('time').textContent).toBe('4');
    // A newer evaluation that took as long: the time shown is the same, nothing renders.
    act(() => source.setState({ result: result(2, 4) }));
    expect(renders).toEqual({ time: 2, screen: 1 });
    act(() => source.setState({ result: result(3, 6) }));
    expect(screen.getByTestId('time').textContent).toBe('6');
    expect(renders).toEqual({ time: 3, screen: 1 });
    expect(source.getState().result?.evaluation).toBe(3);
  });
});
