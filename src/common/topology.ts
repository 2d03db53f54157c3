/*
 * The order cdk8s's `DependencyGraph(node).topology()` gives, computed in time
 * linear in the subtree (library-internal, for FleetApp).
 *
 * cdk8s builds a vertex object per construct, keys them by path, and checks
 * each new edge (and each root it adopts) for a cycle with a search of the
 * graph; FleetApp needs the order for the whole app (to sort charts) and once
 * per chart, which on a fleet of thousands of constructs cost more than the
 * library's validation. This returns the same order, or `undefined` whenever
 * the result could differ (a cycle, which cdk8s reports with its own message,
 * or a dependency on a construct of another app): the caller then asks cdk8s.
 */
import { IConstruct } from 'constructs';

/**
 * `new DependencyGraph(root.node).topology()`, given `root.node.findAll()`
 * (pre-order), or undefined when cdk8s must answer.
 */
export function topologyOf(all: IConstruct[]): IConstruct[] | undefined {
  const n = all.length;
  if (n === 0) return [];
  const app = all[0].node.root;
  const index = new Map<IConstruct, number>();
  for (let i = 0; i < n; i++) index.set(all[i], i);

  // Edges in the order cdk8s adds them (sources in pre-order, then each one's
  // dependencies in order), each once: a vertex keeps its dependencies in a Set.
  let out: Array<number[] | undefined> | undefined;
  let inbound: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const deps = all[i].node.dependencies;
    if (deps.length === 0) continue;
    for (const dep of deps) {
      const j = index.get(dep);
      if (j === undefined) {
        // cdk8s looks targets up by path: one outside the subtree but in the app matches
        // no vertex (paths are unique in an app) and is skipped; one of another app could match.
        if (dep.node.root !== app) return undefined;
        continue;
      }
      out ??= new Array(n);
      inbound ??= new Uint8Array(n);
      const list = (out[i] ??= []);
      if (!list.includes(j)) list.push(j);
      inbound[j] = 1;
    }
  }

  // cdk8s adopts the vertices without dependants as roots in the order of an
  // object keyed by path: keys that are array indices first, ascending, then
  // the others in insertion (pre-)order. Only the root and the children of an
  // App have a path without "/", so only they can be array indices.
  const roots: number[] = [];
  const indexRoots: Array<{ key: number; i: number }> = [];
  for (let i = 0; i < n; i++) {
    const path = shortPath(all[i]);
    // A path "__proto__" sets the prototype of cdk8s's object instead of a key.
    if (path === '__proto__') return undefined;
    if (inbound && inbound[i]) continue;
    const key = arrayIndexKey(path);
    if (key === undefined) roots.push(i); else indexRoots.push({ key, i });
  }
  indexRoots.sort((a, b) => a.key - b.key);
  const order = indexRoots.length > 0 ? [...indexRoots.map((r) => r.i), ...roots] : roots;

  if (out === undefined) {
    return order.map((i) => all[i]);
  }
  if (hasCycle(n, out)) return undefined;

  // Post-order depth-first search from the roots, each vertex listed when first
  // finished. cdk8s searches again below vertices already listed; in a graph
  // without cycles everything below a listed vertex is listed, so skipping them
  // gives the same order.
  const found = new Uint8Array(n);
  const result: IConstruct[] = [];
  const edges = out;
  const visit = (i: number): void => {
    if (found[i]) return;
    for (const j of edges[i] ?? []) visit(j);
    if (!found[i]) {
      found[i] = 1;
      result.push(all[i]);
    }
  };
  for (const i of order) visit(i);
  return result;
}

/**
 * The construct's path when it can have no "/" (the root, and the children of a
 * root whose id is empty, as an App's is), else undefined.
 */
function shortPath(c: IConstruct): string | undefined {
  const scope = c.node.scope;
  if (!scope) return c.node.id;
  if (scope.node.scope || scope.node.id) return undefined;
  return c.node.id;
}

/** The construct's path as an array index (a canonical integer below 2^32 - 1), if it is one. */
function arrayIndexKey(path: string | undefined): number | undefined {
  if (path === undefined || !/^(0|[1-9][0-9]{0,9})$/.test(path)) return undefined;
  const key = Number(path);
  return key < 4294967295 ? key : undefined;
}

/** Whether the edges have a cycle (a self-dependency counts). */
function hasCycle(n: number, out: Array<number[] | undefined>): boolean {
  const state = new Uint8Array(n); // 0 unvisited, 1 on the stack, 2 done
  for (let s = 0; s < n; s++) {
    if (state[s] !== 0 || out[s] === undefined) continue;
    // Iterative, so deep dependency chains cannot overflow the stack.
    const stack: Array<{ v: number; next: number }> = [{ v: s, next: 0 }];
    state[s] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edges = out[top.v] ?? [];
      if (top.next < edges.length) {
        const w = edges[top.next++];
        if (state[w] === 1) return true;
        if (state[w] === 0) {
          state[w] = 1;
          stack.push({ v: w, next: 0 });
        }
      } else {
        state[top.v] = 2;
        stack.pop();
      }
    }
  }
  return false;
}
