// A screening result list (candidates, near-misses) in ranked order: best value of the ranking
// criterion first, no data last, then 工号. Ordering is lazy: the first page costs a linear
// selection, and only a request beyond it sorts the whole list, once.

import { select } from './ranking.ts';

/** Pages up to this position are served by selection, without sorting the list. */
const TOP = 256;

export class RankedList {
  /** The employees, in employee order. */
  readonly employees: Int32Array;
  private readonly value: Float64Array | null;
  private readonly ids: readonly string[];
  private order: Int32Array | null = null;

  constructor(employees: Int32Array, value: Float64Array | null, ids: readonly string[]) {
    this.employees = employees;
    this.value = value;
    this.ids = ids;
  }

  get length(): number {
    return this.employees.length;
  }

  private compare = (a: number, b: number): number => {
    const v = this.value;
    if (v) {
      const va = v[a];
      const vb = v[b];
      const noA = va !== va;
      const noB = vb !== vb;
      if (noA !== noB) return noA ? 1 : -1;
      if (!noA && va !== vb) return vb - va;
    }
    const ids = this.ids;
    return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
  };

  /** Employees at ranked positions from .. to-1. */
  slice(from: number, to: number): number[] {
    const n = this.employees.length;
    to = Math.min(to, n);
    if (from >= to) return [];
    if (this.order) return Array.from(this.order.subarray(from, to));
    if (to > TOP || !this.value) {
      this.order = Int32Array.from(Array.from(this.employees).sort(this.compare));
      return Array.from(this.order.subarray(from, to));
    }
    // The `to` best: everyone at or above the to-th highest value (ties included), sorted.
    const v = this.value;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = v[this.employees[i]];
      keys[i] = x === x ? x : -Infinity;
    }
    const kth = select(keys, 0, n, n - to);
    const top: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = v[this.employees[i]];
      if ((x === x ? x : -Infinity) >= kth) top.push(this.employees[i]);
    }
    return top.sort(this.compare).slice(from, to);
  }

  /** Every employee, best first. */
  all(): number[] {
    return this.slice(0, this.employees.length);
  }
}
