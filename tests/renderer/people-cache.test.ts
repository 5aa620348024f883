// The people index kept between sessions: read back exactly as built, used only while the
// roster's batches are the ones it was built from, and never written half-built or readable.
import { describe, expect, it, vi } from 'vitest';
import { ColumnSetBuilder } from '../../shared/domain/facts/columns.ts';
import { change } from '../../renderer/src/data/records/change.ts';
import { dropBatch, FACT_KINDS, writeBatch } from '../../renderer/src/data/facts/fact-store.ts';
import { buildFactModel, type FactModel } from '../../renderer/src/data/facts/fact-model.ts';
import { buildPeopleHere, type PeopleBuilder } from '../../renderer/src/data/facts/people-build.ts';
import { buildPeopleInWorker } from '../../renderer/src/data/facts/fact-model.ts';
import { HeldFacts } from '../../renderer/src/data/facts/held-facts.ts';
import { peopleHandlers } from '../../renderer/src/data/workers/handlers/people.ts';
import { loadInitials, lookUpHere } from '../../renderer/src/data/facts/pinyin.ts';
import type { CallIo } from '../../renderer/src/data/workers/rpc.ts';
import { buildPeopleIndex, queryPeople, type PeopleIndex, type PeopleQuery } from '../../renderer/src/data/facts/people-index.ts';
import { keptIndex, packPeopleIndex, peopleSignature, unpackPeopleIndex, writePeopleCache } from '../../renderer/src/data/facts/people-cache.ts';
import { dropKey, heldKey, holdKey } from '../../renderer/src/data/records/at-rest-keys.ts';
import { installedDb } from './helpers.ts';

type Row = { employeeId: string; name: string | null; department?: string; status?: string; hireDate?: string | null; managerId?: string | null; leaveDate?: string | null; region?: string | null; plant?: string };

const ROWS: Row[] = [
  { employeeId: '000103', name: '张伟', department: '生产一车间', status: 'active', hireDate: '2015-03-01', managerId: '001000', region: '江苏省', plant: '一厂' },
  { employeeId: '000002', name: '李娜', department: '质量部', status: 'departed', hireDate: '2019-07-15', leaveDate: '2024-02-01', plant: '一厂' },
  { employeeId: '000051', name: null, department: '设备维修部', status: 'active', hireDate: null, plant: '一厂' },
  { employeeId: '001000', name: '张丽', department: '生产一车间', status: 'leave', hireDate: '2012-05-20', region: '江苏省', plant: '二厂' },
];

function rosterSet(rows: Row[]) {
  const b = new ColumnSetBuilder('roster');
  for (const r of rows) b.push({ ...r });
  return b.build();
}

const initials = async () => (name: string) => (name.startsWith('张') ? 'z' : name.startsWith('李') ? 'l' : '');

async function built(rows: Row[]): Promise<PeopleIndex> {
  return buildPeopleIndex(rosterSet(rows), await initials());
}

/** Everything a screen reads from an index, as plain data. */
function shape(index: PeopleIndex) {
  const q = (over: Partial<PeopleQuery>): PeopleQuery => ({ text: '', plant: null, department: null, position: null, status: null, sort: 'employeeId', descending: false, ...over });
  const rows = (over: Partial<PeopleQuery>) => [...queryPeople(index, q(over))];
  return {
    length: index.length,
    ids: [...index.ids],
    names: [...index.names],
    hireDates: [...index.hireDates],
    managerIds: [...index.managerIds],
    leaveDates: [...index.leaveDates],
    rowOf: [...index.rowOf],
    dictionaries: (['plant', 'department', 'position', 'status', 'region'] as const).map((d) => [[...index[d].labels], [...index[d].codes]]),
    searches: [rows({ text: '张' }), rows({ text: '0001' }), rows({ text: 'z' }), rows({ text: '000051' }), rows({ text: '江' }), rows({ department: '生产一车间', sort: 'name', descending: true })],
  };
}

async function writeRoster(ctx: Awaited<ReturnType<typeof installedDb>>, rows: Row[]) {
  return change(ctx.db, ctx.actor, 'import', FACT_KINDS, (c) => writeBatch(c, { set: rosterSet(rows), fileName: 'roster.xlsx', sha256: null, mapping: null, mode: 'upsert' }));
}

async function model(ctx: Awaited<ReturnType<typeof installedDb>>, build: PeopleBuilder = buildPeopleHere(initials)): Promise<{ model: FactModel; kept: boolean | null }> {
  let written: Promise<boolean> | null = null;
  const m = await buildFactModel(ctx.db, 1, build, undefined, {}, (w) => (written = w));
  return { model: m, kept: written ? await written : null };
}

/** The facts worker's people handler, called as the page calls it: the reply crosses as a message does, its buffers handed over. */
function inWorker() {
  const handlers = peopleHandlers(new HeldFacts());
  const handedOver: ArrayBuffer[] = [];
  const call = async (method: 'peopleIndex', arg: Parameters<typeof handlers.peopleIndex>[0]) => {
    const transfer: Transferable[] = [];
    const io: CallIo = { progress: () => {}, signal: new AbortController().signal, transfer: (...items) => transfer.push(...items) };
    const value = await handlers[method](arg, io);
    handedOver.push(...(transfer as ArrayBuffer[]));
    return structuredClone(value, { transfer });
  };
  return { handedOver, build: buildPeopleInWorker(() => ({ call }) as never) };
}

const withPinyin = buildPeopleHere((names) => loadInitials(names, lookUpHere));

describe('kept people index', () => {
  it('reads back exactly what was built: columns, nulls, dictionaries, lookups and searches', async () => {
    const index = await built(ROWS);
    const packed = packPeopleIndex(index, 'sig')!;
    expect(packed).not.toBeNull();
    const back = await unpackPeopleIndex(structuredClone(packed));
    expect(shape(back)).toEqual(shape(index));
    expect(shape(back).searches[0].map((r) => back.ids[r])).toEqual(['000103', '001000']);
  });

  it('is used on the next start while the roster is unchanged, and rebuilt after an import or an undo', async () => {
    const ctx = await installedDb();
    await writeRoster(ctx, ROWS);
    const first = await model(ctx);
    expect(first.kept).toBe(true);
    expect(first.model.people!.length).toBe(4);

    // With the kept index, start-up does not read the roster's blocks: removing them shows it.
    const blocks = await ctx.db.factBlocks.toArray();
    await ctx.db.factBlocks.clear();
    const second = await model(ctx);
    expect(second.kept).toBeNull();
    expect(shape(second.model.people!)).toEqual(shape(first.model.people!));
    await ctx.db.factBlocks.bulkPut(blocks);

    // A new batch changes the signature: the index is built from the blocks and kept again.
    const added = await writeRoster(ctx, [{ employeeId: '000777', name: '王芳', department: '销售部', status: 'active' }]);
    const third = await model(ctx);
    expect(third.kept).toBe(true);
    expect(third.model.people!.length).toBe(5);

    // An undo leaves a tombstone: the batch leaves the live set and the index is rebuilt.
    await change(ctx.db, ctx.actor, 'import', FACT_KINDS, (c) => dropBatch(c, added.id));
    const fourth = await model(ctx);
    expect(fourth.kept).toBe(true);
    expect(fourth.model.people!.length).toBe(4);
    expect(fourth.model.people!.rowOf.has('000777')).toBe(false);
  });

  it('is built in the facts worker, handed to the page packed, and kept there for the next start', async () => {
    const ctx = await installedDb();
    await writeRoster(ctx, ROWS);
    const worker = inWorker();
    const fromWorker = await model(ctx, worker.build);
    // The worker writes the kept row itself, after its reply.
    expect(fromWorker.kept).toBeNull();
    await vi.waitFor(async () => expect(await ctx.db.derived.count()).toBe(1));
    const here = (await model(ctx, withPinyin)).model.people!;
    expect(shape(fromWorker.model.people!)).toEqual(shape(here));
    expect(shape(fromWorker.model.people!).searches[2].map((r) => here.ids[r])).toEqual(['000103', '001000']);
    // Its arrays were handed over, not copied: the worker's side is detached.
    expect(worker.handedOver.length).toBeGreaterThan(5);
    expect(worker.handedOver.every((b) => b.byteLength === 0)).toBe(true);

    // The next start reads the worker's kept index without the roster's blocks.
    await ctx.db.factBlocks.clear();
    const next = await model(ctx);
    expect(next.kept).toBeNull();
    expect(shape(next.model.people!)).toEqual(shape(here));
  });

  it('is built in the facts worker but not kept for a roster still arriving or holding a reserved character', async () => {
    const arriving = await installedDb();
    const batch = await writeRoster(arriving, ROWS);
    await arriving.db.factBatches.put({ ...(await arriving.db.factBatches.get(batch.id))!, blockCount: 2 });
    expect((await model(arriving, inWorker().build)).model.people!.length).toBe(4);

    const odd = await installedDb();
    await writeRoster(odd, [...ROWS, { employeeId: '009999', name: '张\uE000伟', department: '质量部', status: 'active' }]);
    const m = await model(odd, inWorker().build);
    expect([...queryPeople(m.model.people!, { text: '009999', plant: null, department: null, position: null, status: null, sort: 'employeeId', descending: false })].map((r) => m.model.people!.names[r])).toEqual(['张\uE000伟']);

    // Given time to write, neither worker kept anything.
    await new Promise((r) => setTimeout(r, 50));
    expect(await arriving.db.derived.count()).toBe(0);
    expect(await odd.db.derived.count()).toBe(0);
  });

  it('is not kept while a batch is still arriving (fewer blocks than it declares)', async () => {
    const ctx = await installedDb();
    const batch = await writeRoster(ctx, ROWS);
    await ctx.db.factBatches.put({ ...(await ctx.db.factBatches.get(batch.id))!, blockCount: 2 });
    const m = await model(ctx);
    expect(m.model.people!.length).toBe(4);
    expect(m.kept).toBeNull();
    expect(await ctx.db.derived.count()).toBe(0);
  });

  it('is not kept when a value holds a reserved character or a lone surrogate; search still works', async () => {
    for (const odd of ['张\uE000伟', '张\uE001伟', '张\uD800伟']) {
      const ctx = await installedDb();
      await writeRoster(ctx, [...ROWS, { employeeId: '009999', name: odd, department: '质量部', status: 'active' }]);
      const m = await model(ctx);
      expect(m.kept, JSON.stringify(odd)).toBe(false);
      expect(await ctx.db.derived.count()).toBe(0);
      expect([...queryPeople(m.model.people!, { text: '009999', plant: null, department: null, position: null, status: null, sort: 'employeeId', descending: false })].map((r) => m.model.people!.names[r])).toEqual([odd]);
    }
  });

  it('is written only while the database key is held', async () => {
    const ctx = await installedDb();
    await writeRoster(ctx, ROWS);
    const index = await built(ROWS);
    const key = heldKey(ctx.db)!;
    dropKey(ctx.db);
    expect(await writePeopleCache(ctx.db, index, 'sig')).toBe(false);
    expect(await ctx.db.derived.count()).toBe(0);
    holdKey(ctx.db, key);
    expect(await writePeopleCache(ctx.db, index, 'sig')).toBe(true);
    expect(await ctx.db.derived.count()).toBe(1);
  });

  it('is refused when its signature or its shape does not match', async () => {
    const index = await built(ROWS);
    const packed = packPeopleIndex(index, 'sig')!;
    expect(await keptIndex(packed, 'other')).toBeNull();
    expect(await keptIndex({ ...packed, length: 5 }, 'sig')).toBeNull();
    expect(await keptIndex({ ...packed, haystack: { ...packed.haystack, starts: packed.haystack.starts.subarray(1) } }, 'sig')).toBeNull();
    expect((await keptIndex(packed, 'sig'))?.length).toBe(4);
  });

  it('signs the batches it was built from, in any order, with this installation\'s partition', () => {
    const b = (id: string, order: string, blockCount: number) => ({ id, order, blockCount }) as Parameters<typeof peopleSignature>[0][number];
    const one = peopleSignature([b('a', '1', 1), b('b', '2', 3)], 'plant:P01');
    expect(peopleSignature([b('b', '2', 3), b('a', '1', 1)], 'plant:P01')).toBe(one);
    expect(peopleSignature([b('a', '1', 1), b('b', '2', 4)], 'plant:P01')).not.toBe(one);
    expect(peopleSignature([b('a', '1', 1), b('b', '2', 3)], 'hq')).not.toBe(one);
    expect(peopleSignature([b('a', '1', 1)], 'plant:P01')).not.toBe(one);
  });
});
