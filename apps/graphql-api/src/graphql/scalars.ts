import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const dateValue = (v: unknown): string => {
  const d = v instanceof Date ? v : new Date(String(v));
  if (typeof v !== 'string' && !(v instanceof Date)) throw new GraphQLError('DateTime must be an ISO-8601 string', { extensions: { code: 'INVALID_ARGUMENTS' } });
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`"${String(v)}" is not an ISO-8601 time`, { extensions: { code: 'INVALID_ARGUMENTS' } });
  return d.toISOString();
};

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: dateValue,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO-8601 string', { extensions: { code: 'INVALID_ARGUMENTS' } });
    return dateValue(ast.value);
  },
});

const literal = (ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown => {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return undefined;
  }
};

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});
