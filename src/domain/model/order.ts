/**
 * Negative, zero or positive as `a` sorts before, with or after `b` by UTF-16 code units: the order
 * of `Array#sort` without a comparator. Never `localeCompare` or `Intl.Collator`, whose order
 * follows the machine's locale (LANG, LC_ALL): in Danish "aa" sorts after "z", so the same data
 * would be applied, listed and reported in another order on another machine.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
