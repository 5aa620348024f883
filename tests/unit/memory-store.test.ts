import { MemoryRecordStore } from '../../shared/records/memory-store.ts';
import { describeRecordStore } from './record-store-contract.ts';

describeRecordStore('memory', () => new MemoryRecordStore());
