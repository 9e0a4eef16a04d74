import pino from 'pino';
import { config } from './config';

// JSON lines on stdout; the one logger of the service (children add request context).
export const logger = pino({ level: config().LOG_LEVEL, base: { service: 'attribution-api' } });
