// Every write checks the signed-in user's capability inside the write path, as the store holds
// the user: an analyst cannot undo an import, a department head cannot hand a run over, a
// disabled account writes nothing.
import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder } from '../../shared/domain/facts/columns.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { planImport } from '../../shared/domain/facts/plan.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { can, type Capability } from '../../shared/records/permissions.ts';
import { ROLE_NAMES, type Role } from '../../shared/records/schemas.ts';
import { commitImport, currentDataset, undoImport } from '../../renderer/src/data/facts/import-store.ts';
import { addToRound, handOffRun, moveEntry } from '../../renderer/src/data/records/pipeline-store.ts';
import { saveRun } from '../../renderer/src/data/records/screening-store.ts';
import { createUser, setUserDisabled } from '../../renderer/src/data/records/users-store.ts';
import { sessionPolicy, setSessionPolicy } from '../../renderer/src/data/records/installation.ts';
import type { XinhuoDb } from '../../renderer/src/data/db/db.ts';
import type { Actor } from '../../renderer/src/data/db/types.ts';
import { installedDb, screeningReport } from './helpers.ts';

function roster() {
  const b = new ColumnSetBuilder('roster');
  b.push({ employeeId: '000101', name: '张伟', department: '质量部', status: 'active' });
  return b.build();
}

type Write = (db: XinhuoDb, as: Actor, admin: Actor) => Promise<unknown>;

/** Each write, what it needs, and how to make it (with what the administrator prepares first). */
const WRITES: [string, Capability, Write][] = [
  ['commit an import', 'import', async (db, as) => commitImport(db, as, { plan: planImport(await currentDataset(db, 'roster'), roster(), 'upsert'), fileName: 'r.xlsx', sha256: 'r', mapping: {}, signature: 's' })],
  ['undo an import', 'import', async (db, as, admin) => {
    const batch = await commitImport(db, admin, { plan: planImport(await currentDataset(db, 'roster'), roster(), 'upsert'), fileName: 'r.xlsx', sha256: 'r', mapping: {}, signature: 's' });
    return undoImport(db, as, batch.id);
  }],
  ['save a screening run', 'screening', (db, as) => saveRun(db, as, SEED_PROFILE, screeningReport([], []), [])],
  ['hand a run to selection', 'screening.handoff', async (db, as, admin) => {
    const run = await saveRun(db, admin, SEED_PROFILE, screeningReport([{ employeeId: '000101', name: '张伟', department: '质量部', plant: null, criteria: [], failed: [] } as never], []), []);
    return handOffRun(db, as, run.id);
  }],
  ['move a selection entry', 'pipeline.move', async (db, as, admin) => {
    const run = await saveRun(db, admin, SEED_PROFILE, screeningReport([{ employeeId: '000101', name: '张伟', department: '质量部', plant: null, criteria: [], failed: [] } as never], []), []);
    await handOffRun(db, admin, run.id);
    const [entry] = await db.pipeline.toArray();
    return moveEntry(db, as, entry.id, 'invited');
  }],
  ['add someone to a round by hand', 'pipeline.move', async (db, as, admin) => {
    const run = await saveRun(db, admin, SEED_PROFILE, screeningReport([], []), []);
    const { roundId } = await handOffRun(db, admin, run.id);
    return addToRound(db, as, roundId, { employeeId: '000101', name: '张伟', department: '质量部' }, '车间推荐');
  }],
  ['set the idle timeout', 'accounts', (db, as) => setSessionPolicy(db, as, { idleMinutes: 10 })],
  ['create an account', 'accounts', (db, as) => createUser(db, as, { userName: 'new.one', displayName: '新人', role: 'officer', department: null, password: 'a long password 1' }, 1000)],
];

async function withRole(role: Role) {
  const ctx = await installedDb();
  const user = role === 'admin' ? ctx.admin : await createUser(ctx.db, ctx.actor, { userName: `u.${role}`, displayName: role, role, department: role === 'deptHead' ? '质量部' : null, password: 'a long password 1' }, 1000);
  return { ...ctx, as: { userId: user.id, userName: user.userName } };
}

const outcome = (p: Promise<unknown>) => p.then(() => 'allowed', (e: FailureError) => e.failure?.code ?? String(e));

describe('roles in the write path', () => {
  for (const role of ROLE_NAMES) {
    it(`lets a ${role} make exactly the writes the role allows`, async () => {
      for (const [what, needs, write] of WRITES) {
        const { db, as, actor } = await withRole(role);
        const before = await db.audit.count();
        const result = await outcome(write(db, as, actor));
        expect(`${what}: ${result}`).toBe(`${what}: ${can({ role, department: null }, needs) ? 'allowed' : 'access.denied'}`);
        if (result !== 'allowed') {
          // A refused write leaves no audit entry of its own (only the administrator's preparation).
          const own = (await db.audit.toArray()).slice(before).filter((e) => e.userId === as.userId);
          expect(own).toEqual([]);
        }
        db.close();
      }
    });
  }

  it('refuses every write of a disabled account, even in a tab where it is still signed in', async () => {
    const { db, as, actor } = await withRole('officer');
    await setUserDisabled(db, actor, as.userId, true);
    for (const [what, , write] of WRITES) expect(`${what}: ${await outcome(write(db, as, actor))}`).toBe(`${what}: access.denied`);
    db.close();
  });
});

describe('the idle timeout', () => {
  it('is 30 minutes until an administrator sets another, within 1 to 480, audited', async () => {
    const { db, actor } = await installedDb();
    expect(await sessionPolicy(db)).toEqual({ idleMinutes: 30 });
    await setSessionPolicy(db, actor, { idleMinutes: 10 });
    expect(await sessionPolicy(db)).toEqual({ idleMinutes: 10 });
    for (const idleMinutes of [0, 481, 2.5]) expect(await outcome(setSessionPolicy(db, actor, { idleMinutes }))).toBe('session.idleRange');
    expect(await sessionPolicy(db)).toEqual({ idleMinutes: 10 });
    expect((await db.audit.where('action').equals('session.policy').toArray()).map((a) => a.params)).toEqual([{ minutes: 10 }]);
  });
});
