/** A failure at start-up or in a command whose message is already the one line to print: what is wrong and what to do. */
export class StartupError extends Error {}
