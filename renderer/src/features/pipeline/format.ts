// How a selection entry's origin and moves read, on the pipeline and on the employee page.
// What the officer typed (a reason, a note) is data and shows as typed; everything else is
// rendered from codes in the reader's language.

import type { TFunction } from 'i18next';
import type { PipelineRecord } from '../../data/index.ts';
import { profileName } from '../../i18n/index.ts';

type Move = PipelineRecord['history'][number];

/** Where an entry came from: the saved run that brought it, or the officer's reason for adding it. */
export function sourceText(x: Pick<PipelineRecord, 'source' | 'reason' | 'profileName' | 'profileVersion' | 'asOf'>, t: TFunction): string {
  if (x.source === 'manual') return t('pipeline.manualLine', { reason: x.reason ?? '' });
  return t('pipeline.sourceLine', { source: t(`pipeline.source.${x.source}`), profile: profileName(x.profileName, t), version: x.profileVersion, asOf: x.asOf });
}

/**
 * What a move adds to its stage: the note typed with it; for the move that brought the entry
 * in, where it came from (entries handed off before this version carry that as Chinese prose
 * in the note, which the entry's own fields now say in the reader's language).
 */
export function moveNote(x: Pick<PipelineRecord, 'source' | 'reason' | 'profileName' | 'profileVersion' | 'asOf'>, m: Move, t: TFunction): string {
  const note = m.from === null ? sourceText(x, t) : (m.note ?? '');
  return note ? t('pipeline.moveNote', { note }) : '';
}
