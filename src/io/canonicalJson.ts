// Canonical JSON: object keys sorted at every level, so equal data always gives the same text and the same digest.

/**
 * Serialises plain JSON data with object keys in sorted (UTF-16 code unit) order and arrays in their own order.
 * With `indent` the layout matches JSON.stringify(value, null, indent). Object fields whose value is undefined are
 * left out, as JSON.stringify does. Throws a TypeError for anything JSON cannot represent faithfully (NaN,
 * Infinity, undefined in an array, functions, bigint, symbols, class instances such as Date, cycles) instead of
 * silently writing null or dropping it.
 */
export function canonicalStringify(value: unknown, indent?: number): string {
  const unit = indent === undefined || indent <= 0 ? '' : ' '.repeat(Math.min(Math.floor(indent), 10));
  const ancestors = new Set<object>();

  function write(node: unknown, depth: number, where: string): string {
    if (node === null) return 'null';
    switch (typeof node) {
      case 'string':
        return JSON.stringify(node);
      case 'boolean':
        return node ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(node)) throw new TypeError(`${where}: ${node} cannot be written as JSON`);
        return JSON.stringify(node);
      case 'object':
        break;
      default:
        throw new TypeError(`${where}: a ${typeof node} cannot be written as JSON`);
    }
    if (ancestors.has(node)) throw new TypeError(`${where}: the data refers to itself (a cycle)`);
    const isArray = Array.isArray(node);
    if (!isArray) {
      const proto: unknown = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`${where}: only plain objects and arrays can be written as JSON`);
      }
    }
    ancestors.add(node);
    const inner = unit === '' ? '' : '\n' + unit.repeat(depth + 1);
    const outer = unit === '' ? '' : '\n' + unit.repeat(depth);
    const colon = unit === '' ? ':' : ': ';
    let out: string;
    if (isArray) {
      const items = (node as unknown[]).map((item, i) => {
        if (item === undefined) throw new TypeError(`${where}[${i}]: undefined cannot be written as JSON`);
        return inner + write(item, depth + 1, `${where}[${i}]`);
      });
      out = items.length === 0 ? '[]' : `[${items.join(',')}${outer}]`;
    } else {
      const obj = node as Record<string, unknown>;
      const fields: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const child = obj[key];
        if (child === undefined) continue;
        fields.push(inner + JSON.stringify(key) + colon + write(child, depth + 1, `${where}.${key}`));
      }
      out = fields.length === 0 ? '{}' : `{${fields.join(',')}${outer}}`;
    }
    ancestors.delete(node);
    return out;
  }

  return write(value, 0, '(root)');
}
