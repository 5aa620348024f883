import { describe, expect, it, vi } from 'vitest';
import { createHandlers, dispatch, memoryBudgetMb, registerIpc, MAX_OPEN_BYTES, type MainDeps } from '../../electron/main/ipc.ts';
import { CHANNELS } from '../../shared/ipc/contract.ts';

const appFrame = { url: 'app://xinhuo/index.html', parent: null };

function makeDeps(overrides: Partial<MainDeps> = {}): MainDeps {
  const files: Record<string, Uint8Array> = { '/data/花名册.xlsx': new Uint8Array([1, 2, 3]), '/data/b.csv': new Uint8Array([4]) };
  return {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/data/花名册.xlsx'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/out/结果.xlsx' })),
    readFile: vi.fn(async (p: string) => files[p] ?? Promise.reject(new Error('ENOENT'))),
    fileSize: vi.fn(async (p: string) => files[p]?.length ?? 0),
    writeFileAtomic: vi.fn(async () => {}),
    showItemInFolder: vi.fn(),
    appInfo: () => ({ name: 'xinhuo', version: '1.0.0', platform: 'linux', versions: { electron: '45', chrome: '1', node: '22' } }),
    isTrustedUrl: (url: string) => url.startsWith('app://xinhuo/'),
    takeOpenedPaths: vi.fn(() => []),
    showFolderDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/backups'] })),
    readBackupConfig: vi.fn(async () => ({ folder: null, lastWrittenAt: null, keep: 14 })),
    writeBackupConfig: vi.fn(async () => {}),
    listDir: vi.fn(async () => []),
    removeFile: vi.fn(async () => {}),
    now: () => new Date('2026-12-01T08:00:00.000Z'),
    processWorkingSetKb: (pid: number) => (pid === 4242 ? 900 * 1024 : null),
    totalMemoryBytes: () => 16 * 1024 ** 3,
    // A stand-in for the OS store: reversible only with this user's secret.
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (t: string) => new TextEncoder().encode(`user-1:${t}`), decryptString: (b: Uint8Array) => { const t = new TextDecoder().decode(b); if (!t.startsWith('user-1:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); return t.slice(7); } },
    ...overrides,
  };
}

describe('secrets bound to the operating-system user', () => {
  it('seals and opens a key through safeStorage, refuses one from another user, and says when there is no store', async () => {
    const deps = makeDeps();
    const handlers = createHandlers(deps);
    const key = new Uint8Array([9, 8, 7, 6]);
    const sealed = await dispatch(handlers, deps, 'secrets:seal', appFrame, { bytes: key });
    expect(sealed.ok).toBe(true);
    const blob = (sealed as { value: Uint8Array }).value;
    expect(Array.from(blob)).not.toEqual(Array.from(key));
    expect(await dispatch(handlers, deps, 'secrets:open', appFrame, { bytes: blob })).toEqual({ ok: true, value: key });
    const foreign = await dispatch(handlers, deps, 'secrets:open', appFrame, { bytes: new TextEncoder().encode('user-2:CQgHBg==') });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await dispatch(handlers, deps, 'secrets:seal', appFrame, { bytes: new Uint8Array(5000) })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const none = makeDeps({ safeStorage: { isEncryptionAvailable: () => false, encryptString: () => new Uint8Array(), decryptString: () => '' } });
    expect(await dispatch(createHandlers(none), none, 'secrets:seal', appFrame, { bytes: key })).toEqual({ ok: true, value: null });
  });
});

describe('the window\'s memory, for the parse watchdog', () => {
  it('reports the calling frame\'s own process and its budget, and nothing for a process that is not the app\'s', async () => {
    const deps = makeDeps();
    const handlers = createHandlers(deps);
    expect(await dispatch(handlers, deps, 'system:memory', { ...appFrame, osProcessId: 4242 }, undefined)).toEqual({ ok: true, value: { usedMb: 900, budgetMb: 6144 } });
    expect(memoryBudgetMb(16 * 1024 ** 3)).toBe(6144);
    expect(memoryBudgetMb(4 * 1024 ** 3)).toBe(2458);
    expect(memoryBudgetMb(2 * 1024 ** 3)).toBe(1536);
    expect(await dispatch(handlers, deps, 'system:memory', { ...appFrame, osProcessId: 7 }, undefined)).toEqual({ ok: true, value: null });
    expect(await dispatch(handlers, deps, 'system:memory', { ...appFrame, osProcessId: 4242 }, { pid: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('IPC dispatch', () => {
  it('refuses foreign senders, sub frames and missing frames before any handler runs', async () => {
    const deps = makeDeps();
    const handlers = createHandlers(deps);
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://xinhuo/index.html', parent: {} }, null, undefined]) {
      const result = await dispatch(handlers, deps, 'files:open', frame, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses unknown channels', async () => {
    const deps = makeDeps();
    expect(await dispatch(createHandlers(deps), deps, 'shell:exec', appFrame, {})).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it.each([
    ['files:open', 'not an object'],
    ['files:open', { filters: [{ name: 'x', extensions: ['../../etc'] }] }],
    ['files:open', { multiple: 'yes' }],
    ['files:open', { extra: 1 }],
    ['files:save', { suggestedName: '../escape.xlsx', bytes: new Uint8Array(1) }],
    ['files:save', { suggestedName: 'a.xlsx', bytes: 'not bytes' }],
    ['files:save', { suggestedName: '', bytes: new Uint8Array(1) }],
    ['files:reveal', { path: 123 }],
    ['files:reveal', {}],
    ['app:info', { anything: true }],
  ])('refuses a bad %s payload', async (channel, payload) => {
    const deps = makeDeps();
    const result = await dispatch(createHandlers(deps), deps, channel, appFrame, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(deps.showOpenDialog).not.toHaveBeenCalled();
    expect(deps.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('opens files and returns names and bytes', async () => {
    const deps = makeDeps();
    const result = await dispatch(createHandlers(deps), deps, 'files:open', appFrame, { filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] });
    expect(result).toEqual({ ok: true, value: [{ name: '花名册.xlsx', bytes: new Uint8Array([1, 2, 3]) }] });
    expect(deps.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'] }));
  });

  it('reports a cancelled dialog and refuses oversized files', async () => {
    const cancelled = makeDeps({ showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) });
    expect(await dispatch(createHandlers(cancelled), cancelled, 'files:open', appFrame, {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const huge = makeDeps({ fileSize: vi.fn(async () => MAX_OPEN_BYTES + 1) });
    const result = await dispatch(createHandlers(huge), huge, 'files:open', appFrame, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(huge.readFile).not.toHaveBeenCalled();
  });

  it('saves atomically and only reveals files it saved', async () => {
    const deps = makeDeps();
    const handlers = createHandlers(deps);
    expect(await dispatch(handlers, deps, 'files:reveal', appFrame, { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const saved = await dispatch(handlers, deps, 'files:save', appFrame, { suggestedName: '结果.xlsx', bytes: new Uint8Array([9]) });
    expect(saved).toEqual({ ok: true, value: { path: '/out/结果.xlsx' } });
    expect(deps.writeFileAtomic).toHaveBeenCalledWith('/out/结果.xlsx', new Uint8Array([9]));
    expect(await dispatch(handlers, deps, 'files:reveal', appFrame, { path: '/out/结果.xlsx' })).toEqual({ ok: true, value: true });
    expect(deps.showItemInFolder).toHaveBeenCalledWith('/out/结果.xlsx');
  });

  it('turns write failures into values, not thrown errors', async () => {
    const deps = makeDeps({ writeFileAtomic: vi.fn(async () => Promise.reject(new Error('EACCES'))) });
    const result = await dispatch(createHandlers(deps), deps, 'files:save', appFrame, { suggestedName: 'a.xlsx', bytes: new Uint8Array(1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('EACCES') } });
  });

  it('answers app:info', async () => {
    const deps = makeDeps();
    expect(await dispatch(createHandlers(deps), deps, 'app:info', appFrame, undefined)).toMatchObject({ ok: true, value: { version: '1.0.0' } });
  });

  it('registers exactly one validated handler per channel', async () => {
    const registered = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const deps = makeDeps();
    registerIpc({ handle: (c, l) => registered.set(c, l as never) }, createHandlers(deps), deps);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(await registered.get('app:info')!({ senderFrame: { url: 'https://evil/', parent: null } }, undefined)).toMatchObject({ ok: false });
  });
});

describe('bundles opened by the operating system, and automatic backups', () => {
  it('hands the renderer the .xhb files the app was opened with, once, and nothing else', async () => {
    const files: Record<string, Uint8Array> = { '/in/洛阳一厂_2026-12-01_seq1-9.xhb': new Uint8Array([80, 75]), '/in/notes.txt': new Uint8Array([1]) };
    const queue = ['/in/洛阳一厂_2026-12-01_seq1-9.xhb', '/in/notes.txt', '/in/gone.xhb'];
    const deps = makeDeps({ takeOpenedPaths: vi.fn(() => queue.splice(0)), readFile: vi.fn(async (p: string) => files[p] ?? Promise.reject(new Error('ENOENT'))), fileSize: vi.fn(async (p: string) => (files[p] ? files[p].length : Promise.reject(new Error('ENOENT')))) });
    const handlers = createHandlers(deps);
    expect(await dispatch(handlers, deps, 'bundles:pending', appFrame, undefined)).toEqual({ ok: true, value: [{ name: '洛阳一厂_2026-12-01_seq1-9.xhb', bytes: new Uint8Array([80, 75]) }] });
    expect(await dispatch(handlers, deps, 'bundles:pending', appFrame, undefined)).toEqual({ ok: true, value: [] });
  });

  it('writes a backup only into the chosen folder, keeps the newest N, and remembers when', async () => {
    let config = { folder: null as string | null, lastWrittenAt: null as string | null, keep: 14 };
    const listing = ['华东第一制造厂_2026-11-28_备份.xhb', '华东第一制造厂_2026-11-29_备份.xhb', '华东第一制造厂_2026-11-30_备份.xhb', 'other.txt'];
    const deps = makeDeps({
      readBackupConfig: vi.fn(async () => config),
      writeBackupConfig: vi.fn(async (c) => void (config = c)),
      listDir: vi.fn(async () => [...listing, '华东第一制造厂_2026-12-01_备份.xhb']),
    });
    const handlers = createHandlers(deps);
    const payload = { fileName: '华东第一制造厂_2026-12-01_备份.xhb', bytes: new Uint8Array([1]), keep: 2 };
    expect(await dispatch(handlers, deps, 'backup:write', appFrame, payload)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await dispatch(handlers, deps, 'backup:chooseFolder', appFrame, undefined)).toMatchObject({ ok: true, value: { folder: '/backups' } });
    const r = await dispatch(handlers, deps, 'backup:write', appFrame, payload);
    expect(r).toEqual({ ok: true, value: { path: '/backups/华东第一制造厂_2026-12-01_备份.xhb', pruned: ['华东第一制造厂_2026-11-28_备份.xhb', '华东第一制造厂_2026-11-29_备份.xhb'] } });
    expect(deps.writeFileAtomic).toHaveBeenCalledWith('/backups/华东第一制造厂_2026-12-01_备份.xhb', payload.bytes);
    expect(deps.removeFile).toHaveBeenCalledTimes(2);
    expect(config).toMatchObject({ lastWrittenAt: '2026-12-01T08:00:00.000Z', keep: 2 });
  });

  it.each([
    [{ fileName: '../../etc/passwd_备份.xhb', bytes: new Uint8Array(1), keep: 3 }],
    [{ fileName: 'evil.sh', bytes: new Uint8Array(1), keep: 3 }],
    [{ fileName: 'a_备份.xhb', bytes: new Uint8Array(1), keep: 0 }],
    [{ fileName: 'a_备份.xhb', bytes: 'x', keep: 3 }],
  ])('refuses a bad backup:write payload %#', async (payload) => {
    const deps = makeDeps({ readBackupConfig: vi.fn(async () => ({ folder: '/backups', lastWrittenAt: null, keep: 14 })) });
    expect(await dispatch(createHandlers(deps), deps, 'backup:write', appFrame, payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(deps.writeFileAtomic).not.toHaveBeenCalled();
  });
});
