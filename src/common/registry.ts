/*
 * Per-app (or per-cluster) indexes of constructs (internal): fleet-scale apps
 * define thousands of topics and users, so duplicate checks look one key up
 * instead of scanning every construct.
 */

/** One value per key object (an app root, a cluster), created on first use and dropped with the key. */
export class Registry<K extends object, V> {
  private readonly values = new WeakMap<K, V>();

  constructor(private readonly create: (key: K) => V) {}

  /** The value of `key`, created on first use. */
  public of(key: K): V {
    let v = this.values.get(key);
    if (v === undefined) {
      v = this.create(key);
      this.values.set(key, v);
    }
    return v;
  }

  /** Forget the value of `key` (the next `of()` creates a new one). */
  public reset(key: K): void {
    this.values.delete(key);
  }
}

/** A map from keys to the first value that claimed each key. */
export class FirstClaims<V> {
  private readonly first = new Map<string, V>();

  /** Claim `key` for `value`, unless another value claimed it first. */
  public claim(key: string, value: V): void {
    if (!this.first.has(key)) {
      this.first.set(key, value);
    }
  }

  /** The value that claimed `key` first. */
  public get(key: string): V | undefined {
    return this.first.get(key);
  }
}
