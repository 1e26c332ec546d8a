import type {
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from "typeorm";

/** Work waiting for its transaction's commit, by the transaction's query runner. */
const pending = new WeakMap<QueryRunner, (() => Promise<void>)[]>();

/**
 * Runs the work registered with {@link afterCommit} once the outermost transaction of its query
 * runner has committed (a savepoint's release is not a commit), and forgets it on a rollback.
 */
class CommitHooks implements EntitySubscriberInterface {
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const work = pending.get(runner);
    if (!work) return;
    pending.delete(runner);
    // The transaction has committed: a failure here must not make it look as if it had not.
    for (const fn of work) await fn().catch(() => undefined);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}

/**
 * Runs `fn` after the transaction `manager` belongs to commits, before the transaction's
 * promise settles (so before the request that wrote answers), and never when it rolls back;
 * right away (awaited) when `manager` is in no transaction. `fn` should handle its own errors:
 * one it throws after a commit is swallowed, since the commit stands.
 */
export async function afterCommit(manager: EntityManager, fn: () => Promise<void>): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return fn();
  const db = manager.connection;
  // Subscribers are read at each broadcast: one added to an initialized data source takes part
  // (and initializing it again would replace the list, hence the look rather than a flag).
  if (!db.subscribers.some((s) => s instanceof CommitHooks)) db.subscribers.push(new CommitHooks());
  const work = pending.get(runner);
  if (work) work.push(fn);
  else pending.set(runner, [fn]);
}
