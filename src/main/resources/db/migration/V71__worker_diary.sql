-- The worker keeps their activation diary from their own pages (issue 22): a line may carry the proof
-- (a document of the dossier) and records when the worker last changed it.
alter table pathway_diary_entry add column proof_document_id bigint references documents_document (id);
alter table pathway_diary_entry add column updated_at timestamptz;
