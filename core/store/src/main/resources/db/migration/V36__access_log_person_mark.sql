-- V36 (perf, issue 13, decision 0054): an entry's person rows (access_log_person) are no longer written
-- in the group commit that writes the entry but shortly after it, in larger batches, by each node's
-- access-log indexer (HashChainedAccessLog). The rows of all entries up to indexed_to are written;
-- an entry after it is found for a person's access view from its own person_ids column (which its
-- hash covers), so nothing is ever missing from the view. One row, locked by the indexer that moves it,
-- so that two nodes never index the same entries; not the chain's head row, which every append locks.
-- Every entry written so far has its person rows already (they were written with it): indexed_to
-- starts at the head.
CREATE TABLE access_log_person_mark (
    mark_id    INTEGER NOT NULL PRIMARY KEY,
    indexed_to BIGINT  NOT NULL,
    CONSTRAINT access_log_person_mark_single_ck CHECK (mark_id = 1)
);
INSERT INTO access_log_person_mark (mark_id, indexed_to) SELECT 1, last_seq FROM access_log_head WHERE head_id = 1;
