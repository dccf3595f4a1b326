/**
 * Made-up but plausible newsroom content for the large corpus: section and author names, headlines,
 * standfirsts and Strapi blocks bodies. Deterministic (a seeded generator), so two runs of the same
 * size write the same text.
 */

/** A small fast seeded generator (mulberry32): the same seed gives the same corpus. */
export const randomFrom = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** A whole number from `min` to `max`, both included. */
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
};
export type Random = ReturnType<typeof randomFrom>;

const TOP_SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Culture', 'Sport'];
const SECOND_LEVEL = ['News', 'Analysis', 'Features'];
const THIRD_LEVEL = ['North', 'Central', 'South'];

export interface SectionPlan {
  name: string;
  description: string;
  /** Index of the parent in the plan, which always comes before its children. */
  parent: number | null;
  position: number;
  depth: 1 | 2 | 3;
}

/** The 3-level tree: 6 top sections, 3 below each, 3 below each of those (78 in all). */
export const sectionPlan = (): SectionPlan[] => {
  const plan: SectionPlan[] = [];
  TOP_SECTIONS.forEach((top, i) => {
    const topIndex = plan.push({
      name: top,
      description: `${top}: the latest reporting.`,
      parent: null,
      position: i,
      depth: 1,
    });
    SECOND_LEVEL.forEach((second, j) => {
      const secondName = `${top} ${second}`;
      const secondIndex = plan.push({
        name: secondName,
        description: `${second} from the ${top} desk.`,
        parent: topIndex - 1,
        position: j,
        depth: 2,
      });
      THIRD_LEVEL.forEach((third, k) =>
        plan.push({
          name: `${secondName} ${third}`,
          description: `${secondName}, ${third.toLowerCase()} edition.`,
          parent: secondIndex - 1,
          position: k,
          depth: 3,
        }),
      );
    });
  });
  return plan;
};

const FIRST_NAMES = [
  'Ada',
  'Amara',
  'Bruno',
  'Chen',
  'Dara',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kemi',
  'Lars',
  'Maya',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sophia',
  'Tomas',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zeynep',
];
const LAST_NAMES = [
  'Abbott',
  'Brooks',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Laurent',
  'Mensah',
  'Novak',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Silva',
  'Tanaka',
];
const JOB_TITLES = ['Correspondent', 'Reporter', 'Editor', 'Columnist', 'Data journalist'];

export interface AuthorPlan {
  name: string;
  jobTitle: string;
  bio: string;
}

/** `count` authors with distinct names (a number is added after 520). */
export const authorPlan = (count: number): AuthorPlan[] =>
  Array.from({ length: count }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
    const round = Math.floor(i / (FIRST_NAMES.length * LAST_NAMES.length));
    const name = `${first} ${last}${round > 0 ? ` ${round + 1}` : ''}`;
    const jobTitle = JOB_TITLES[i % JOB_TITLES.length];
    return { name, jobTitle, bio: `${name} is a ${jobTitle.toLowerCase()} at the Newsroom.` };
  });

const SUBJECTS = [
  'Ministers',
  'Council',
  'Scientists',
  'Investors',
  'Union leaders',
  'Regulators',
  'Voters',
  'Doctors',
  'Farmers',
  'Engineers',
  'The central bank',
  'Residents',
  'Coaches',
  'Curators',
];
const VERBS = [
  'back',
  'reject',
  'weigh',
  'delay',
  'approve',
  'question',
  'expand',
  'review',
  'defend',
  'revise',
];
const OBJECTS = [
  'rail plan',
  'housing bill',
  'budget',
  'water deal',
  'energy tariff',
  'trade pact',
  'school reform',
  'climate target',
  'museum loan',
  'transfer rules',
  'harbour project',
  'vaccine rollout',
];
const TAILS = [
  'after long debate',
  'as talks resume',
  'amid protests',
  'before the vote',
  'in late session',
  'despite warnings',
  'under new rules',
  'after a review',
];
const WORDS = [
  'the',
  'a',
  'report',
  'said',
  'officials',
  'plan',
  'city',
  'government',
  'would',
  'new',
  'year',
  'people',
  'market',
  'week',
  'local',
  'time',
  'public',
  'team',
  'country',
  'policy',
  'data',
  'spokesperson',
  'according',
  'analysis',
  'budget',
  'project',
  'region',
  'community',
  'growth',
  'evidence',
  'committee',
  'proposal',
  'support',
  'decision',
  'change',
  'cost',
  'service',
  'energy',
  'court',
  'research',
  'season',
  'museum',
  'election',
  'trade',
  'health',
  'school',
  'water',
  'and',
  'of',
  'in',
  'to',
  'on',
  'for',
  'with',
  'after',
  'before',
  'while',
  'since',
  'more',
  'than',
];

/** A headline; `n` makes it (and so its slug) distinct from every other headline of the run. */
export const headline = (random: Random, n: number): string =>
  `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(TAILS)}, no. ${n}`;

const sentence = (random: Random, words: number): string => {
  const parts = Array.from({ length: words }, () => random.pick(WORDS));
  const first = parts[0];
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${parts.join(' ')}.`;
};

export const standfirst = (random: Random): string => sentence(random, random.int(18, 30));

type Text = { type: 'text'; text: string };
export type Block =
  | { type: 'paragraph'; children: Text[] }
  | { type: 'heading'; level: 2; children: Text[] }
  | { type: 'list'; format: 'unordered'; children: Array<{ type: 'list-item'; children: Text[] }> }
  | { type: 'quote'; children: Text[] };

const text = (value: string): Text[] => [{ type: 'text', text: value }];

/** A Strapi blocks body of `words` words: paragraphs, with a heading, a list and a quote. */
export const body = (random: Random, words: number): Block[] => {
  const blocks: Block[] = [];
  let left = words;
  const take = (min: number, max: number): number => {
    const n = Math.min(left, random.int(min, max));
    left -= n;
    return n;
  };
  while (left > 0) {
    const kind = blocks.length % 7;
    if (kind === 3 && left > 20) {
      blocks.push({ type: 'heading', level: 2, children: text(sentence(random, take(3, 6))) });
    } else if (kind === 5 && left > 40) {
      blocks.push({
        type: 'list',
        format: 'unordered',
        children: Array.from({ length: 3 }, () => ({
          type: 'list-item' as const,
          children: text(sentence(random, take(4, 9))),
        })),
      });
    } else if (kind === 6 && left > 30) {
      blocks.push({ type: 'quote', children: text(sentence(random, take(10, 20))) });
    } else {
      blocks.push({ type: 'paragraph', children: text(sentence(random, take(40, 110))) });
    }
  }
  return blocks;
};
