import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * The most fields one operation may select, fragments counted where they are spread. The depth
 * limit leaves breadth open: 2,000 aliased `articles` lists in one request took 14 s here, each a
 * query of its own. 200 is several times a real page's query.
 */
export const GRAPHQL_MAX_FIELDS = 200;

/**
 * The most tokens the parser reads before it gives up: a query that large (a megabyte of
 * `{ a { a { ...`) would otherwise be parsed whole, or overflow the parser's stack, before any
 * limit is checked. 5,000 is about ten times the size of a page's query.
 */
export const GRAPHQL_MAX_TOKENS = 5000;

/** A validation rule: an operation selecting more than `limit` fields is refused (400). */
export const maxFieldsRule =
  (limit: number) =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
    // Stops as soon as the count passes the limit, so fragments spread within fragments cannot
    // make the count itself expensive; a fragment inside itself (refused by GraphQL's own
    // rules) is not followed twice.
    const count = (selectionSet: SelectionSetNode | undefined, within: Set<string>): number => {
      let total = 0;
      for (const selection of selectionSet?.selections ?? []) {
        if (total > limit) break;
        if (selection.kind === Kind.FIELD) {
          total += 1 + count(selection.selectionSet, within);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          total += count(selection.selectionSet, within);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !within.has(name)) {
            total += count(fragment.selectionSet, new Set([...within, name]));
          }
        }
      }
      return total;
    };
    return {
      OperationDefinition(operation) {
        if (count(operation.selectionSet, new Set()) > limit) {
          context.reportError(
            new GraphQLError(`The operation selects more than ${limit} fields.`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
