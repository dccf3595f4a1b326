import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';

/**
 * The most fields one request's operations may select, fragments counted each time they are
 * spread. The depth limit leaves breadth open: 2,000 aliased `articles` lists in one request took
 * 14 s here, each a query of its own. 200 is several times a real page's query.
 */
export const GRAPHQL_MAX_FIELDS = 200;

/**
 * The most tokens the parser reads before it gives up: a query that large (a megabyte of
 * `{ a { a { ...`) would otherwise be parsed whole, or overflow the parser's stack, before any
 * limit is checked. 5,000 is about ten times the size of a page's query.
 */
export const GRAPHQL_MAX_TOKENS = 5000;

/** Why a document is refused before GraphQL validates it, or undefined. */
export type Refusal = string | undefined;

/**
 * How many fields `document` selects once its fragments are spread, counted in linear time (each
 * fragment once, remembered) and no further than `limit + 1`; a spread of an unknown fragment,
 * or of a fragment within itself, throws (see {@link refuseBeforeValidation}).
 */
export const selectedFields = (document: DocumentNode, limit: number): number => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const known = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode | undefined): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (total > limit) break;
      if (selection.kind === Kind.FIELD) {
        total += 1 + count(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`Unknown fragment "${name}".`);
        if (!known.has(name)) {
          // -1 while it is being counted: met again meanwhile, it is spread within itself.
          known.set(name, -1);
          known.set(name, count(fragment.selectionSet));
        }
        const fields = known.get(name) ?? 0;
        if (fields < 0) throw new Error(`Cannot spread fragment "${name}" within itself.`);
        total += fields;
      }
    }
    return total;
  };
  let total = 0;
  for (const definition of document.definitions) {
    if (total > limit) break;
    if (definition.kind === Kind.OPERATION_DEFINITION) total += count(definition.selectionSet);
  }
  return total;
};

/**
 * What GraphQL must not be given to validate: the plugin's depth limit (`graphql-depth-limit`)
 * runs first and walks every spread of every fragment again, with no guard: a short query of
 * fragments that each spread the next twice keeps it busy for hours, and an unknown fragment or
 * a cycle makes it throw (a 500). Apollo's plugin hooks cannot refuse with a 4xx before
 * validation, so this runs on the request, before the GraphQL route: a query over
 * {@link GRAPHQL_MAX_TOKENS} tokens, selecting more than {@link GRAPHQL_MAX_FIELDS} fields, or
 * spreading unknown or cyclic fragments is refused. A query that does not parse is left to
 * Apollo, which answers its syntax error.
 */
export const refuseBeforeValidation = (query: unknown): Refusal => {
  if (typeof query !== 'string') return undefined;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: GRAPHQL_MAX_TOKENS, noLocation: true });
  } catch (error) {
    return error instanceof RangeError ? 'The query is nested too deeply.' : undefined;
  }
  try {
    if (selectedFields(document, GRAPHQL_MAX_FIELDS) > GRAPHQL_MAX_FIELDS) {
      return `The operation selects more than ${GRAPHQL_MAX_FIELDS} fields.`;
    }
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
};
