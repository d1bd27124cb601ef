// Unit-test setup: an in-memory IndexedDB so storage tests run in Node.
import 'fake-indexeddb/auto';
