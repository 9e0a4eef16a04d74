// Imported first: the service's logger reads LOG_LEVEL when it loads, and request logs would
// drown the figures.
process.env.LOG_LEVEL ??= 'warn';
