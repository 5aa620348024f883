import { DexieRecordStore } from '../../renderer/src/data/records/dexie-store.ts';
import { describeRecordStore } from '../unit/record-store-contract.ts';
import { freshDb } from './helpers.ts';

describeRecordStore('Dexie', () => new DexieRecordStore(freshDb()));
