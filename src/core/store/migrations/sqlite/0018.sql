-- A case's documents: scans, PDFs, pictures and office files the client
-- brought, kept as they are with their SHA-256. The bytes are in a table of
-- their own, so that listing a case's documents never reads them, and a
-- clerk may see that documents exist without reading one.

CREATE TABLE case_documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  name TEXT NOT NULL CHECK (name <> ''),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0 AND size <= 26214400),
  sha256 TEXT NOT NULL,
  added_by INTEGER NOT NULL REFERENCES staff (id),
  added_at TEXT NOT NULL);
CREATE INDEX case_documents_case ON case_documents (case_id, added_at DESC);
CREATE INDEX case_documents_person ON case_documents (person_id);
CREATE TABLE document_contents (
  document_id INTEGER PRIMARY KEY REFERENCES case_documents (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  bytes BLOB NOT NULL);
