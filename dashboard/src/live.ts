import { createClient, type Client } from "graphql-ws";

/** The longest wait between two attempts to reconnect or subscribe again. */
const MAX_WAIT_MS = 30_000;

/**
 * How long to wait before attempt `attempt` (0 first): doubling from one second up to thirty,
 * each a random time between half that and all of it, so that a hall full of screens does not
 * come back in one burst after the gateway restarts.
 */
function backOff(attempt: number): number {
  const ceiling = Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(attempt, 5));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/**
 * A graphql-ws client for the gateway at this page's own origin (ws: or wss: as the page), with no
 * token: the boards are public, and a token would close the socket when it expires. It reconnects
 * by itself for ever (a screen on a hall's wall has nobody to press reload); `onClosed` hears of
 * every lost or refused socket.
 */
export function liveClient(onClosed: () => void): Client {
  const url = new URL("/graphql", location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return createClient({
    url: url.toString(),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backOff(retries))),
    on: { closed: onClosed },
  });
}

/**
 * Follows one subscription while the page is open: each message's data to `next`. graphql-ws
 * resubscribes by itself after a lost socket; when the subscription itself ends (the gateway ends
 * it after a failed first read, say while the hall is down, or a close graphql-ws takes as final),
 * it is started again after a back-off, and `lost` is told.
 */
export function follow<TData>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  handlers: { next(data: TData): void; lost(): void },
): void {
  let attempt = 0;
  const again = () => {
    handlers.lost();
    setTimeout(start, backOff(attempt++));
  };
  const start = () =>
    client.subscribe<TData>(
      { query, variables },
      {
        next: (message) => {
          // Only a clean answer resets the back-off: while a department cannot answer, each
          // attempt's first read fails and ends the subscription, and the waits keep growing.
          if (!message.errors?.length) attempt = 0;
          if (message.data) handlers.next(message.data);
        },
        error: again,
        complete: again,
      },
    );
  start();
}
