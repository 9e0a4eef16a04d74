// Imported first by the global setup: logs stay out of test output unless LOG_LEVEL asks for them.
process.env.LOG_LEVEL ??= 'silent';
