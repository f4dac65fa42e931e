/**
 * The activities a turn sends, serialised once per mapper instead of per reply. botframework-
 * connector sends each reply through @azure/core-client's operation machinery, whose serializer
 * walks the Activity mapper (sixty-odd properties, most absent) with a regular expression per
 * value: about a quarter of a reply's CPU, and this bot sends two or three replies a turn. Here
 * the same mapper is turned once into plain functions that build the same object: the same
 * properties in the same order, dates as ISO strings, `Object` values as they are, an entity's
 * extra properties kept. Anything the library would refuse or treat specially (a value of the
 * wrong type, a required value missing, an invalid date) answers UNSURE, and the library's own
 * serializer runs instead, with its own error. test/activity-serializer.test.ts compares both.
 */

/** The parts of an @azure/core-client mapper this reads. */
export interface Mapper {
  serializedName?: string;
  required?: boolean;
  nullable?: boolean;
  readOnly?: boolean;
  isConstant?: boolean;
  defaultValue?: unknown;
  constraints?: unknown;
  type: {
    name: string;
    className?: string;
    modelProperties?: Record<string, Mapper>;
    element?: Mapper;
    value?: Mapper;
    additionalProperties?: Mapper;
    polymorphicDiscriminator?: unknown;
    uberParent?: string;
  };
}

export const UNSURE: unique symbol = Symbol('unsure');
type Result = unknown;
type Serialize = (value: unknown) => Result;

class NotCompilable extends Error {}

/**
 * A function building what `serializer.serialize(mapper, value)` builds, or undefined when the
 * mapper uses something not handled here (the library's serializer then does all of it).
 */
export function compileSerializer(
  mapper: Mapper,
  models: Record<string, Mapper | undefined>,
): Serialize | undefined {
  try {
    return new Compiler(models).compile(mapper);
  } catch (err) {
    if (err instanceof NotCompilable) return undefined;
    throw err;
  }
}

class Compiler {
  /** By class name, so a model met again (and a recursive one) is compiled once. */
  private readonly composites = new Map<string, (value: object) => Result>();

  constructor(private readonly models: Record<string, Mapper | undefined>) {}

  compile(mapper: Mapper): Serialize {
    if (
      mapper.isConstant ||
      mapper.nullable !== undefined ||
      mapper.defaultValue !== undefined ||
      mapper.constraints !== undefined
    )
      throw new NotCompilable();
    const required = mapper.required === true;
    const body = this.body(mapper);
    return (value) => {
      if (value === undefined || value === null) return required ? UNSURE : value;
      return body(value);
    };
  }

  private body(mapper: Mapper): Serialize {
    switch (mapper.type.name) {
      case 'String':
        return (value) => (typeof value === 'string' ? value : UNSURE);
      case 'Boolean':
        return (value) => (typeof value === 'boolean' ? value : UNSURE);
      case 'Number':
        return (value) => (typeof value === 'number' ? value : UNSURE);
      case 'Object':
        return (value) => value;
      case 'DateTime':
        return dateTime;
      case 'Sequence':
        return this.sequence(mapper);
      case 'Dictionary':
        return this.dictionary(mapper);
      case 'Composite':
        return this.composite(mapper);
      default:
        throw new NotCompilable();
    }
  }

  private sequence(mapper: Mapper): Serialize {
    let element = mapper.type.element;
    if (!element) throw new NotCompilable();
    // As the library does: a composite element is looked up by its class name.
    if (element.type.name === 'Composite' && element.type.className)
      element = this.models[element.type.className] ?? element;
    const item = this.compile(element);
    return (value) => {
      if (!Array.isArray(value)) return UNSURE;
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const serialized = item(value[i]);
        if (serialized === UNSURE) return UNSURE;
        out[i] = serialized;
      }
      return out;
    };
  }

  private dictionary(mapper: Mapper): Serialize {
    if (!mapper.type.value) throw new NotCompilable();
    const item = this.compile(mapper.type.value);
    return (value) => {
      if (typeof value !== 'object' || value === null) return UNSURE;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const serialized = item((value as Record<string, unknown>)[key]);
        if (serialized === UNSURE) return UNSURE;
        out[key] = serialized;
      }
      return out;
    };
  }

  private composite(mapper: Mapper): Serialize {
    const { className } = mapper.type;
    const model = className ? this.models[className] : undefined;
    const props = mapper.type.modelProperties ?? model?.type.modelProperties;
    const extraMapper = mapper.type.additionalProperties ?? model?.type.additionalProperties;
    if (!props || mapper.type.polymorphicDiscriminator || model?.type.polymorphicDiscriminator)
      throw new NotCompilable();
    if (mapper.type.uberParent || model?.type.uberParent) throw new NotCompilable();
    const known = className ? this.composites.get(className) : undefined;
    if (known) return (value) => (typeof value === 'object' ? known(value as object) : UNSURE);
    const extra = extraMapper ? this.compile(extraMapper) : undefined;
    const fields: Array<{ key: string; serialize: Serialize }> = [];
    const build = (value: object): Result => {
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const { key, serialize } of fields) {
        const serialized = serialize(source[key]);
        if (serialized === UNSURE) return UNSURE;
        if (serialized !== undefined) out[key] = serialized;
      }
      if (extra) {
        for (const key of Object.keys(source)) {
          if (Object.hasOwn(props, key)) continue;
          const serialized = extra(source[key]);
          if (serialized === UNSURE) return UNSURE;
          out[key] = serialized;
        }
      }
      return out;
    };
    if (className) this.composites.set(className, build);
    for (const [key, prop] of Object.entries(props)) {
      // Only a property sent under its own name: no flattened ("a.b") or read-only ones.
      if (prop.readOnly || prop.serializedName !== key) throw new NotCompilable();
      fields.push({ key, serialize: this.compile(prop) });
    }
    return (value) => (typeof value === 'object' ? build(value as object) : UNSURE);
  }
}

function dateTime(value: unknown): Result {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNSURE : value.toISOString();
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return UNSURE;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? UNSURE : date.toISOString();
}
