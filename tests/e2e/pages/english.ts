// What "English that is English" means to the journeys: with English chosen, no Chinese shows
// outside data. Data is what was imported or typed — the values of the demo plants the app
// generates, the names typed at setup, files' names — and the product's name 薪火. Anything
// else in Chinese (a label, a status, a full-width colon or bracket) is reported with where it
// was found: in text, a table cell, a title, an accessible name or a placeholder.
import type { Page } from '@playwright/test';
import type { DemoPlant } from '../../../shared/domain/demo/generate.ts';
import { isNumberColumn } from '../../../shared/domain/facts/columns.ts';

/** Every string the plants hold and the officer typed, longest first; single characters are not data. */
export function dataLexicon(plants: readonly DemoPlant[], typed: readonly string[]): string[] {
  const values = new Set<string>(['薪火', ...typed]);
  for (const plant of plants) {
    values.add(plant.plant.name);
    for (const set of Object.values(plant.datasets)) {
      for (const column of Object.values(set.columns)) {
        if (isNumberColumn(column)) continue;
        for (const v of column) if (v) for (const part of v.split('、')) values.add(part);
      }
    }
  }
  return [...values].filter((v) => v.length > 1).sort((a, b) => b.length - a.length);
}

/** Chinese text on the page once data is taken out, with where it was found. */
export async function chineseOutsideData(page: Page, lexicon: string[]): Promise<string[]> {
  return page.evaluate((lexicon) => {
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const skip = '[translate=no], [lang|=zh], script, style';
    const withoutData = (text: string) => lexicon.reduce((t, v) => (t.includes(v) ? t.split(v).join('·') : t), text);
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const el = n.parentElement;
      if (!el || !cjk.test(text) || el.closest(skip) || !cjk.test(withoutData(text))) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const where = el.parentElement?.closest('[aria-label], h2, h3, label, button, th, [role=columnheader]');
      out.add(`${text.trim().slice(0, 60)}  ⟨${el.tagName.toLowerCase()}${where ? ` in ${where.tagName.toLowerCase()} "${(where.getAttribute('aria-label') ?? where.textContent ?? '').trim().slice(0, 30)}"` : ''}⟩`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[title], [aria-label], [placeholder], [alt]'))) {
      if (el.closest(skip)) continue;
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr);
        if (v && cjk.test(withoutData(v))) out.add(`${attr}="${v.slice(0, 60)}"  ⟨${el.tagName.toLowerCase()}⟩`);
      }
    }
    if (cjk.test(withoutData(document.title))) out.add(`document.title="${document.title}"`);
    return [...out];
  }, lexicon);
}

