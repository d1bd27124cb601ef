// The import's writer thread: the data worker hands it finished chunks to store, exposed with Comlink.
import { expose } from 'comlink';
import { createChunkWriterApi } from './chunkWriterApi';
import { workerDatabase } from './workerDatabase';

expose(createChunkWriterApi(workerDatabase()));
