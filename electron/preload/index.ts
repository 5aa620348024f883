// Preload: exposes one typed function per channel of shared/ipc/contract.ts on
// window.xinhuo. No raw ipcRenderer, no Node objects cross the bridge.

import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES, CHANNELS } from '../../shared/ipc/channels.ts';
import type { PreloadApi } from '../../shared/ipc/contract.ts';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [API_NAMES[channel], (request?: unknown) => ipcRenderer.invoke(channel, request)]),
) as unknown as PreloadApi;

contextBridge.exposeInMainWorld('xinhuo', Object.freeze(api));
