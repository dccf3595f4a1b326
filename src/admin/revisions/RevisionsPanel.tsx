import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

import { ARTICLE_UID } from '../../constants';
import {
  describeRevision,
  diffUrl,
  type FieldChange,
  formatWhen,
  restoreUrl,
  type RevisionSummary,
  revisionsUrl,
  showValue,
} from './api';

const errorMessage = (error: unknown): string =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? 'The request failed.';

const Changes = ({ changes }: { changes: FieldChange[] }) =>
  changes.length === 0 ? (
    <Typography variant="pi">No difference.</Typography>
  ) : (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="revision-diff">
      {changes.map(({ field, before, after }) => (
        <Box key={field}>
          <Typography variant="sigma">{field}</Typography>
          <Typography variant="pi" textColor="danger600" tag="p">
            − {showValue(before)}
          </Typography>
          <Typography variant="pi" textColor="success600" tag="p">
            + {showValue(after)}
          </Typography>
        </Box>
      ))}
    </Flex>
  );

const History = ({ documentId, version }: { documentId: string; version?: string }) => {
  const { get, post } = useFetchClient();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(
    () =>
      get<{ data: RevisionSummary[] }>(revisionsUrl(documentId))
        .then(({ data }) => setRevisions(data.data))
        .catch((error: unknown) => setMessage(errorMessage(error))),
    [get, documentId],
  );

  useEffect(() => {
    void load();
  }, [load, version]);

  const compare = async (id: number, latest: number) => {
    setSelected(id);
    setChanges(null);
    try {
      const { data } = await get<{ data: { changes: FieldChange[] } }>(diffUrl(id, latest));
      setChanges(data.data.changes);
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  const restore = async (id: number) => {
    try {
      await post(restoreUrl(id), {});
      // The form holds the old draft: reload it with the restored fields.
      window.location.reload();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  if (!revisions)
    return message ? <Typography>{message}</Typography> : <Loader small>Loading</Loader>;
  if (revisions.length === 0) return <Typography variant="pi">No revision yet.</Typography>;
  const latest = revisions[0].id;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="revisions">
      {message && (
        <Typography textColor="danger600" data-testid="revisions-message">
          {message}
        </Typography>
      )}
      {revisions.map((revision) => (
        <Box key={revision.id} data-testid="revision">
          <Typography variant="omega" fontWeight="bold" tag="p">
            {describeRevision(revision)}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatWhen(revision.at)} · {revision.actor}
          </Typography>
          {revision.id !== latest && (
            <Flex gap={2} paddingTop={1}>
              <Button size="S" variant="tertiary" onClick={() => void compare(revision.id, latest)}>
                Compare with latest
              </Button>
              <Button size="S" variant="secondary" onClick={() => void restore(revision.id)}>
                Restore as draft
              </Button>
            </Flex>
          )}
          {selected === revision.id && changes && <Changes changes={changes} />}
        </Box>
      ))}
    </Flex>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string } | null;
}

/** A "Revisions" panel in the article's edit view: the history, a diff, restore (Editors). */
export const RevisionsPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return {
    title: 'Revisions',
    content: <History documentId={documentId} version={document?.updatedAt} />,
  };
};
