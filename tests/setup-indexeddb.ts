// IndexedDB for data-layer tests: Dexie looks for it when first imported.
import 'fake-indexeddb/auto';
