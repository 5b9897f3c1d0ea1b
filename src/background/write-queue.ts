/** Runs async tasks one after another, so read-modify-write cycles never interleave. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues a task; the returned promise settles with the task's own outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // A failed task must not block the ones after it.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
