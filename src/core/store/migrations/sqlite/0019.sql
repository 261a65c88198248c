-- Search in the records of one's own cases. Each record keeps its words as
-- search folds them (case_records.words: participants and text, lower case,
-- no diacritics, only letters and digits, written by the store), and a
-- full-text index holds them with the case's worker ("w12"), so a worker's
-- search reads only the index's lists for them and for the words typed. The
-- index follows the records and a case's transfer by itself.

ALTER TABLE case_records ADD COLUMN words TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE record_search USING fts5 (worker, words, content = '');

CREATE TRIGGER record_search_insert AFTER INSERT ON case_records BEGIN
  INSERT INTO record_search (rowid, worker, words)
    SELECT new.id, 'w' || c.worker_id, new.words FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER record_search_update AFTER UPDATE OF words, case_id ON case_records BEGIN
  INSERT INTO record_search (record_search, rowid, worker, words)
    SELECT 'delete', old.id, 'w' || c.worker_id, old.words FROM cases c WHERE c.id = old.case_id;
  INSERT INTO record_search (rowid, worker, words)
    SELECT new.id, 'w' || c.worker_id, new.words FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER record_search_delete AFTER DELETE ON case_records BEGIN
  INSERT INTO record_search (record_search, rowid, worker, words)
    SELECT 'delete', old.id, 'w' || c.worker_id, old.words FROM cases c WHERE c.id = old.case_id;
END;
CREATE TRIGGER record_search_transfer AFTER UPDATE OF worker_id ON cases
  WHEN old.worker_id IS NOT new.worker_id BEGIN
  INSERT INTO record_search (record_search, rowid, worker, words)
    SELECT 'delete', r.id, 'w' || old.worker_id, r.words FROM case_records r WHERE r.case_id = old.id;
  INSERT INTO record_search (rowid, worker, words)
    SELECT r.id, 'w' || new.worker_id, r.words FROM case_records r WHERE r.case_id = new.id;
END;
