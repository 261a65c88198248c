-- Search in the records of one's own cases. Each record keeps its words as
-- search folds them (case_records.words: participants and text, lower case,
-- no diacritics, only letters and digits, written by the store), and
-- case_records.search holds them with the case's worker ("#w12", a lexeme
-- no word typed can be) in a GIN index, so a worker's search intersects the
-- index's lists for them and for the words typed, and the index's answer is
-- exact (no weights to check in the rows). The triggers below keep it with
-- the records and a case's transfer.

ALTER TABLE case_records ADD COLUMN words text NOT NULL DEFAULT '';
ALTER TABLE case_records ADD COLUMN search tsvector;
CREATE INDEX case_records_search ON case_records USING gin (search);

CREATE FUNCTION record_search_words () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  NEW.search := to_tsvector ('simple', NEW.words)
                || coalesce ((SELECT array_to_tsvector (ARRAY['#w' || worker_id]) FROM cases
                              WHERE id = NEW.case_id AND worker_id IS NOT NULL), '');
  RETURN NEW;
END $$;
CREATE TRIGGER record_search_words BEFORE INSERT OR UPDATE OF words, case_id ON case_records
  FOR EACH ROW EXECUTE FUNCTION record_search_words ();

-- A case moved to another worker: its records are found by the new one.
CREATE FUNCTION case_search_worker () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE case_records
     SET search = to_tsvector ('simple', words)
                  || CASE WHEN NEW.worker_id IS NULL THEN ''::tsvector
                          ELSE array_to_tsvector (ARRAY['#w' || NEW.worker_id]) END
   WHERE case_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER case_search_worker AFTER UPDATE OF worker_id ON cases
  FOR EACH ROW WHEN (OLD.worker_id IS DISTINCT FROM NEW.worker_id)
  EXECUTE FUNCTION case_search_worker ();
