/**
 * Retries `check` until it stops throwing, or fails with its last error after `timeoutMs`:
 * for effects that arrive through the event bus a moment after the act that caused them.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
