/**
 * Binds an Adaptive Card template (the templating language of adaptivecards-templating) with
 * data, through code compiled once per template. The library parses each template once too, but
 * binds it by walking the parsed tree with a fresh expression memory for every value, which made
 * card binding the largest allocator of a chat turn (about a tenth of all bytes) and kept some
 * 7 MiB of expression-engine code and tables in the heap.
 *
 * It covers the part of the language the templates in `cards/` use — `$data` (an object or an
 * array, with `$index`), `$when`, `$root`, paths, string, number and boolean literals, `==`, `!=`, `!`,
 * `&&`, `||`, parentheses and `string()` — with the library's rules: a string that is one
 * expression keeps the value's type; a path that is missing binds as its own `${path}` text, but
 * as `undefined` inside an operator; `$when` keeps an object only for a boolean `true`; a `$data`
 * array repeats its object, one item a plain object, none drops it. A template using anything
 * else fails when it is compiled (at start-up), naming the expression, rather than binding
 * differently from the library. `test/card-binder.test.ts` binds every template against the
 * library on sample data and its variations.
 */
import { isDeepStrictEqual } from 'node:util';

/** The binding context: the library's `$root`, `$data` (the root until a `$data` sets it) and `$index`. */
interface Scope {
  root: unknown;
  data: unknown;
  index: number | undefined;
}

/** An expression: `substitute` is whether a missing path becomes its own `${path}` text. */
type Expr = (scope: Scope, substitute: boolean) => unknown;
/** A compiled template node; `null` drops it from an array, `undefined` from an object. */
type Bind = (scope: Scope) => unknown;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

export class TemplateSyntaxError extends Error {}

/** Compiles a template once; the function binds it to a root object (`$root`). */
export function compileTemplate(template: unknown): (root: unknown) => unknown {
  const bind = compileNode(template);
  return (root) => bind({ root, data: undefined, index: undefined });
}

function compileNode(node: unknown): Bind {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node.map(compileNode));
  if (typeof node === 'object' && node !== null)
    return compileObject(node as Record<string, unknown>);
  return () => node;
}

function compileArray(items: Bind[]): Bind {
  return (scope) => {
    const out: unknown[] = [];
    for (const item of items) {
      const value = item(scope);
      if (value === null) continue;
      if (Array.isArray(value)) for (const v of value) out.push(v);
      else out.push(value);
    }
    return out;
  };
}

function compileObject(node: Record<string, unknown>): Bind {
  const keys = Object.keys(node).filter((key) => !RESERVED.has(key));
  const children = keys.map((key) => compileNode(node[key]));
  const when = compileWhen(node.$when);
  const data = node.$data === undefined ? undefined : compileDataBinding(node.$data);
  const expandOne = (scope: Scope): Record<string, unknown> | undefined => {
    if (when && when(scope, false) !== true) return undefined;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = (children[i] as Bind)(scope);
      if (value !== undefined) out[keys[i] as string] = value;
    }
    return out;
  };
  return (scope) => {
    const saved = { data: scope.data, index: scope.index };
    const contexts = data ? data(scope, true) : undefined;
    const repeated = Array.isArray(contexts);
    const list: unknown[] = repeated ? contexts : [contexts];
    const kept: Array<Record<string, unknown>> = [];
    for (let i = 0; i < list.length; i++) {
      if (repeated) scope.index = i;
      if (list[i] !== undefined) scope.data = list[i];
      const one = expandOne(scope);
      if (one) kept.push(one);
    }
    scope.data = saved.data;
    scope.index = saved.index;
    if (kept.length === 0) return null;
    return kept.length === 1 ? kept[0] : kept;
  };
}

function compileWhen(when: unknown): Expr | undefined {
  if (when === undefined) return undefined;
  const single = typeof when === 'string' ? singleExpression(when) : undefined;
  if (single) return single;
  // The library drops an object whose `$when` is not an expression (and warns).
  return when ? () => false : undefined;
}

function compileDataBinding(data: unknown): Expr {
  const single = typeof data === 'string' ? singleExpression(data) : undefined;
  if (!single)
    throw new TemplateSyntaxError(`$data must be one \${…} expression: ${JSON.stringify(data)}`);
  return single;
}

/** The expression of a string that is exactly `${…}`, or undefined. */
function singleExpression(text: string): Expr | undefined {
  const parts = splitInterpolation(text);
  return parts.length === 1 && typeof parts[0] !== 'string' ? parts[0]?.expr : undefined;
}

interface ExprPart {
  expr: Expr;
  source: string;
}

function compileString(text: string): Bind {
  if (!text.includes('${')) return () => text;
  const parts = splitInterpolation(text);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && typeof only !== 'string') return (scope) => only.expr(scope, true);
  return (scope) => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else out += stringOf(part.expr(scope, true), part.source);
    }
    return out;
  };
}

function stringOf(value: unknown, source: string): string {
  // The library calls `toString()` on each value; null and undefined have none.
  if (value === null || value === undefined)
    throw new TypeError(`\${${source}} is ${String(value)} in an interpolated string`);
  return (value as { toString(): string }).toString();
}

/** Text and `${…}` parts of a string, as the library's template-string parse splits them. */
function splitInterpolation(text: string): Array<string | ExprPart> {
  if (/[`\\]/.test(text))
    throw new TemplateSyntaxError(`unsupported character in ${JSON.stringify(text)}`);
  const parts: Array<string | ExprPart> = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('${', at);
    if (start < 0) {
      parts.push(text.slice(at));
      break;
    }
    if (start > at) parts.push(text.slice(at, start));
    const end = closingBrace(text, start + 2);
    const source = text.slice(start + 2, end);
    parts.push({ expr: parseExpression(source), source });
    at = end + 1;
  }
  return parts;
}

function closingBrace(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '}') return i;
  }
  throw new TemplateSyntaxError(`unclosed \${ in ${JSON.stringify(text)}`);
}

const TOKEN =
  /\s*(?:(\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_$][A-Za-z0-9_]*)*)|('[^']*'|"[^"]*"|\d+(?:\.\d+)?)|(&&|\|\||==|!=|[!(),]))/y;

/** Parses the expression subset (see the file comment) into a closure. */
export function parseExpression(source: string): Expr {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) {
      if (/^\s*$/.test(source.slice(at))) break;
      throw new TemplateSyntaxError(
        `unsupported expression \${${source}} at "${source.slice(at)}"`,
      );
    }
    tokens.push(m[1] ?? m[2] ?? (m[3] as string));
  }
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string): string => {
    const token = tokens[i++];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new TemplateSyntaxError(`expected ${expected ?? 'more'} in \${${source}}`);
    return token;
  };
  /** `operand (op operand)*`, evaluated left to right and stopping early, as the library does. */
  const chain = (op: '||' | '&&', operand: () => Expr): Expr => {
    let left = operand();
    while (peek() === op) {
      take();
      const a = left;
      const b = operand();
      left =
        op === '||'
          ? (s) => isLogicTrue(a(s, false)) || isLogicTrue(b(s, false))
          : (s) => isLogicTrue(a(s, false)) && isLogicTrue(b(s, false));
    }
    return left;
  };
  const or = (): Expr => chain('||', and);
  const and = (): Expr => chain('&&', comparison);
  // As in the library, `!` binds tighter than a comparison: `!a != b` is `(!a) != b`.
  const comparison = (): Expr => {
    const left = unary();
    const op = peek();
    if (op !== '==' && op !== '!=') return left;
    take();
    const right = unary();
    return op === '=='
      ? (s) => commonEquals(left(s, false), right(s, false))
      : (s) => !commonEquals(left(s, false), right(s, false));
  };
  const unary = (): Expr => {
    if (peek() !== '!') return primary();
    take();
    const operand = unary();
    return (s) => !isLogicTrue(operand(s, false));
  };
  const primary = (): Expr => {
    const token = take();
    if (token === '(') {
      const inner = or();
      take(')');
      return inner;
    }
    if (token.startsWith("'") || token.startsWith('"')) {
      const value = token.slice(1, -1);
      return () => value;
    }
    if (/^\d/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    if (token === 'true' || token === 'false') {
      const value = token === 'true';
      return () => value;
    }
    if (peek() === '(') return call(token);
    if (/^[A-Za-z_$]/.test(token)) return path(token);
    throw new TemplateSyntaxError(`unsupported token ${token} in \${${source}}`);
  };
  const call = (name: string): Expr => {
    if (name !== 'string')
      throw new TemplateSyntaxError(`unsupported function ${name}() in \${${source}}`);
    take('(');
    const arg = or();
    take(')');
    return (s, substitute) => stringFunction(arg(s, substitute));
  };
  const expr = or();
  if (i !== tokens.length)
    throw new TemplateSyntaxError(`unexpected ${tokens[i]} in \${${source}}`);
  return expr;
}

function path(text: string): Expr {
  const parts = text.split('.');
  const head = parts[0] as string;
  const rest = parts.slice(1);
  const start: (s: Scope) => unknown =
    head === '$root'
      ? (s) => s.root
      : head === '$data'
        ? (s) => dataOf(s)
        : head === '$index'
          ? (s) => s.index
          : (s) => property(dataOf(s), head);
  if (head.startsWith('$') && !['$root', '$data', '$index'].includes(head))
    throw new TemplateSyntaxError(`unsupported ${head} in \${${text}}`);
  const substitution = `\${${text}}`;
  return (s, substitute) => {
    let value = start(s);
    for (const part of rest) value = property(value, part);
    return value === undefined && substitute ? substitution : value;
  };
}

function dataOf(s: Scope): unknown {
  return s.data !== undefined ? s.data : s.root;
}

/** The library's property access: enumerable own keys, case-insensitive; nothing on a falsy value. */
function property(instance: unknown, name: string): unknown {
  if (!instance) return undefined;
  const object = Object(instance) as Record<string, unknown>;
  if (Object.prototype.propertyIsEnumerable.call(object, name)) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function isLogicTrue(value: unknown): boolean {
  return typeof value === 'boolean' ? value : value !== null && value !== undefined;
}

function commonEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined)
    return (a === null || a === undefined) && (b === null || b === undefined);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => commonEquals(item, b[i]));
  const objects = [a, b].every(
    (v) => typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date),
  );
  if (objects) return isDeepStrictEqual(a, b);
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < Number.EPSILON)
    return true;
  return a === b;
}

/** `string()`: text as it is, a number with its own decimals and thousands grouped. */
function stringFunction(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isNaN(value)) {
    const decimals = value.toString().split('.')[1]?.length ?? 0;
    return new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value);
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'object')
    return JSON.stringify(value)
      .replace(/^['"]*/, '')
      .replace(/['"]*$/, '');
  return typeof value === 'boolean' ? String(value) : '';
}
