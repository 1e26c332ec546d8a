import type { DocumentNode } from "graphql";

/** Default byte budget of {@link BoundedDocumentStore}: every daily operation is under 2 kB of text. */
export const DEFAULT_DOCUMENT_STORE_BYTES = 8 * 1024 * 1024;

/** Documents longer than this (characters) are parsed and validated each time instead of kept. */
export const DEFAULT_LARGEST_STORED_DOCUMENT = 16 * 1024;

/**
 * Apollo Server's cache of parsed and validated documents, bounded by what they really hold.
 * Apollo's default store counts a document by its JSON (a 90 kB name counts once) and keeps
 * 30 MB of such estimates: a parsed document also keeps its source text and its AST, about two
 * to three times the estimate, so distinct large documents from anonymous callers held up to
 * ~60 MB of the gateway's 192 MB heap. This store charges each document four bytes per
 * character of its source plus its AST's overhead, keeps at most `maxBytes` of them (least
 * recently used out first), and never keeps a document longer than `largest` characters: the
 * clients' own operations are a few kB and stay cached; a huge one is not worth keeping.
 */
export class BoundedDocumentStore {
  private readonly entries = new Map<string, { document: DocumentNode; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = DEFAULT_DOCUMENT_STORE_BYTES,
    private readonly largest = DEFAULT_LARGEST_STORED_DOCUMENT,
  ) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    const length = document.loc?.source.body.length ?? Infinity;
    if (length > this.largest) return;
    await this.delete(key);
    const bytes = 4 * length + 1024;
    this.entries.set(key, { document, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    return true;
  }

  /** Documents kept and the bytes charged for them. */
  get usage(): { documents: number; bytes: number } {
    return { documents: this.entries.size, bytes: this.bytes };
  }
}
