import { WriteQueue } from '../../src/background/write-queue';

describe('the write queue', () => {
  test('runs read-modify-write tasks one at a time, so no update is lost', async () => {
    const queue = new WriteQueue();
    let stored = 0;
    const increment = () =>
      queue.run(async () => {
        const value = stored;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        stored = value + 1;
      });
    await Promise.all(Array.from({ length: 50 }, increment));
    expect(stored).toBe(50);
  });

  test('a failing task does not block the next ones', async () => {
    const queue = new WriteQueue();
    await expect(queue.run(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(queue.run(async () => 7)).resolves.toBe(7);
  });
});
