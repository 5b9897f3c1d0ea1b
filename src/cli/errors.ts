/** An error whose message is shown to the user as is, on one line, with exit code 1. */
export class UsageError extends Error {}
