// The panel's conflict-of-interest rule (as conference systems such as HotCRP enforce): a
// reviewer is never assigned a candidate from their own department unless the officer
// overrides it with a recorded reason.

export interface PanelMember {
  name: string;
  role: 'training' | 'business' | 'employee';
  department: string | null;
}

export interface PanelConflict {
  reviewer: number;
  candidateId: string;
}

export function panelConflicts(reviewers: readonly PanelMember[], candidates: readonly { candidateId: string; department: string }[]): PanelConflict[] {
  const out: PanelConflict[] = [];
  reviewers.forEach((r, i) => {
    if (!r.department) return;
    for (const c of candidates) if (c.department === r.department) out.push({ reviewer: i, candidateId: c.candidateId });
  });
  return out;
}

export const conflictKey = (c: PanelConflict): string => `${c.reviewer}|${c.candidateId}`;
