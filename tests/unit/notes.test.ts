/**
 * Which notes a save adds (`addedNotes`): those whose component id and wording the stored draft
 * does not hold; the admin form sends the stored ones back with their ids, other callers may
 * send them without.
 */

import { addedNotes } from '../../src/publishing/notes';

const stored = [
  { id: 1, kind: 'correction', text: 'The toll was 12.' },
  { id: 2, kind: 'update', text: 'Police made an arrest.' },
];

describe('addedNotes', () => {
  it('finds none when the stored notes come back, with or without their ids', () => {
    expect(addedNotes(stored, stored)).toEqual([]);
    expect(
      addedNotes(
        stored.map(({ kind, text }) => ({ kind, text })),
        stored,
      ),
    ).toEqual([]);
  });

  it('finds a note without an id and with new wording', () => {
    const fresh = { kind: 'clarification', text: 'The mayor, not the governor.' };
    expect(addedNotes([...stored, fresh], stored)).toEqual([fresh]);
  });

  it('treats the same words under another kind as a new note', () => {
    const relabelled = { kind: 'update', text: 'The toll was 12.' };
    expect(addedNotes([relabelled], stored)).toEqual([relabelled]);
  });

  it('finds every note of a first save', () => {
    expect(addedNotes(stored, [])).toEqual(stored);
  });
});
