import { Kind, type DocumentNode, type FragmentDefinitionNode } from "graphql";

/** Fragment name → definition, for expanding spreads while walking an operation. */
export type FragmentMap = ReadonlyMap<string, FragmentDefinitionNode>;

/** The fragments a document defines (the first of a duplicated name; validation refuses duplicates anyway). */
export function fragmentsOf(document: DocumentNode): FragmentMap {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value))
      fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Walks fragment spreads once per fragment name: `measure` is computed the first time a fragment
 * is reached and reused afterwards, so a document that spreads fragments into each other many
 * times over (a "fragment bomb") costs linear time to measure. A spread of a fragment that is
 * still being measured (a cycle, which validation would refuse) counts as `cycleValue`, so a
 * cycle can never hang the walk.
 */
export class FragmentMemo<T> {
  private readonly done = new Map<string, T>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly fragments: FragmentMap,
    private readonly cycleValue: T,
  ) {}

  /** The measure of fragment `name`; `cycleValue` for an unknown fragment or a cycle. */
  get(name: string, measure: (fragment: FragmentDefinitionNode) => T): T {
    const known = this.done.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.inProgress.has(name)) return this.cycleValue;
    this.inProgress.add(name);
    try {
      const value = measure(fragment);
      this.done.set(name, value);
      return value;
    } finally {
      this.inProgress.delete(name);
    }
  }
}
