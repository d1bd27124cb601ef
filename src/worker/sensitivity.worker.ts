// A sensitivity worker of the pool: runs Monte Carlo, Sobol and Morris chunks off the page's thread, exposed with Comlink.
import { expose } from 'comlink';
import { createSensitivityApi } from './sensitivityApi';

const api = createSensitivityApi();
expose(api);

export type SensitivityWorkerApi = typeof api;
