/**
 * Retries `check` until it stops throwing, or fails with its last error after `timeoutMs`:
 * for effects that arrive through the event bus a moment after the act that caused them.
 * The default is generous because a CI runner with few cores under load can take seconds to deliver
 * what takes milliseconds on an idle one; a passing check returns at once.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
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
