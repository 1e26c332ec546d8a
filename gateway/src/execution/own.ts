/**
 * Own-property access for data that comes from departments: JSON answers may carry keys such as
 * `__proto__` or `constructor`, which must never reach or replace a prototype while answers are merged.
 */
export function getOwn(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Makes `key` an own, plain data property of `obj` before it is assigned (see {@link getOwn}). */
export function defineOwn(obj: object, key: string): void {
  if (!Object.prototype.hasOwnProperty.call(obj, key) && key in obj) {
    Object.defineProperty(obj, key, { configurable: true, enumerable: true, value: undefined, writable: true });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== undefined && value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Merges a department's answer into the data gathered so far (the stock executor's `deepMerge`). */
export function deepMerge(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
  if (source === undefined || source === null) return target;
  const from = source as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value === undefined) continue;
    defineOwn(target, key);
    const existing = target[key];
    if (existing && isObject(value)) {
      deepMerge(existing as Record<string, unknown>, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      const from: unknown[] = value;
      const into: unknown[] = existing;
      for (let i = 0; i < from.length; i++) {
        const a = into[i];
        const b = from[i];
        if (isObject(a) && isObject(b)) deepMerge(a, b);
        else into[i] = b;
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

/**
 * Objects whose prototype chain holds nothing: `__proto__`, `constructor` and the like are
 * neither inherited nor special, so a key sent by a department or a client is just a key.
 * Made with `new` rather than `Object.create(null)`, which V8 keeps as a hash table: building
 * such an object took three times as long, and the gateway's answers and the representations it
 * sends are built of them.
 */
const NothingInherited = function () {} as unknown as new () => Record<string, unknown>;
NothingInherited.prototype = Object.create(null) as object;

/** An object that inherits nothing, for data keyed by what departments and clients send. */
export function emptyRecord<T = unknown>(): Record<string, T> {
  return new NothingInherited() as Record<string, T>;
}
