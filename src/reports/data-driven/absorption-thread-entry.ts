import { parentPort, workerData } from 'node:worker_threads';
import { finish, groupProbabilities } from '../../attribution/data-driven';
import type { AbsorptionTask } from './absorption-threads';

// What a thread beside the event loop runs: its groups of variants, all at once (the caller stops
// the whole thread when the report's time is up).
const { chain, removals, groups } = workerData as AbsorptionTask;
parentPort?.postMessage(finish(groupProbabilities(chain, removals, groups)));
