import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Size assumed for a list whose `first` is not given. */
  defaultListSize: number;
}

const limitError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/** The value of `first` on a field: a literal, a variable, or the default page size. */
const listSize = (field: FieldNode, variables: Record<string, unknown>, fallback: number): number => {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  const value = (v: ValueNode | undefined): number => {
    if (!v) return fallback;
    if (v.kind === Kind.INT) return Number(v.value);
    if (v.kind === Kind.VARIABLE) {
      const n = variables[v.name.value];
      return typeof n === 'number' ? n : fallback;
    }
    return fallback;
  };
  return Math.max(1, value(arg?.value));
};

// Fields that return lists without a `first` argument, and how many rows they can return.
const fixedLists: Record<string, number> = { tags: 1, byProtocol: 10, byProductClass: 100, bySoftwareVersion: 100, byStatus: 10, apiKeys: 100, telemetry: 1440, commandIds: 1 };
const connectionFields = new Set(['edges', 'node', 'pageInfo']);

interface Walk {
  depth: number;
  cost: number;
  aliases: number;
}

/**
 * Measures a document in one walk, fragments expanded: the deepest field nesting, the aliases,
 * and a cost where every field costs 1 times the list sizes above it (a `first: 100` connection
 * makes each field below it cost 100). Stops early once a limit is passed, so a hostile query
 * costs little to refuse.
 */
export const measure = (document: DocumentNode, limits: QueryLimits, variables: Record<string, unknown>): Walk => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const w: Walk = { depth: 0, cost: 0, aliases: 0 };
  const over = () => w.depth > limits.maxDepth || w.cost > limits.maxCost || w.aliases > limits.maxAliases;
  const visit = (set: SelectionSetNode, depth: number, multiplier: number, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (over()) return;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.alias) w.aliases++;
        const d = connectionFields.has(sel.name.value) ? depth : depth + 1;
        w.depth = Math.max(w.depth, d);
        w.cost += multiplier;
        if (sel.selectionSet) {
          const isList = sel.arguments?.some((a) => a.name.value === 'first') || sel.name.value in fixedLists || sel.name.value === 'parameters' || sel.name.value === 'eventsByCorrelation';
          const size = sel.name.value in fixedLists ? fixedLists[sel.name.value]! : listSize(sel, variables, limits.defaultListSize);
          visit(sel.selectionSet, d, isList ? multiplier * size : multiplier, seen);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        visit(sel.selectionSet, depth, multiplier, seen);
      } else {
        const f = fragments.get(sel.name.value);
        // A fragment cycle is reported by the standard rules; here it only must not loop.
        if (f && !seen.has(f.name.value)) visit(f.selectionSet, depth, multiplier, new Set(seen).add(f.name.value));
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) visit(d.selectionSet, 0, 1, new Set());
  }
  return w;
};

/** The first limit a document passes, as a coded error; null when it stays within them all. */
export const limitExceeded = (document: DocumentNode, limits: QueryLimits, variables: Record<string, unknown> = {}): GraphQLError | null => {
  const w = measure(document, limits, variables);
  if (w.depth > limits.maxDepth) return limitError('QUERY_TOO_DEEP', `the query is nested deeper than ${limits.maxDepth} levels`);
  if (w.aliases > limits.maxAliases) return limitError('TOO_MANY_ALIASES', `the query has more than ${limits.maxAliases} aliases`);
  if (w.cost > limits.maxCost) {
    return limitError('QUERY_TOO_COSTLY', `the query could return more than ${limits.maxCost} fields (fields times page sizes); ask for smaller pages or fewer fields`);
  }
  return null;
};

/** Introspection is refused in production: the schema is documented in docs/API.md instead. */
export const noIntrospection: ValidationRule = (ctx: ValidationContext): ASTVisitor => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      ctx.reportError(limitError('INTROSPECTION_DISABLED', 'introspection is disabled in production'));
    }
  },
});
