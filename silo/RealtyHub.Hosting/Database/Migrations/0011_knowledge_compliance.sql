-- 0011_knowledge_compliance.sql
-- The brokerage's knowledge base (policies, scripts, area guides) searched with PostgreSQL full-text search, and
-- its compliance rules, checked against every AI draft before an expert delivers it.

-- Whole documents; search snippets come from ts_headline. The 'english' configuration stems English words
-- ("viewings" finds "viewing") and keeps other scripts (Arabic) as they are. Title weighs A, body B, so a match in
-- the title ranks above one in the body.
create table knowledge_documents (
    brokerage_id  text        not null,
    document_id   text        not null,
    title         text        not null,
    body          text        not null,
    file_name     text        not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null,
    search        tsvector    generated always as (
                      setweight(to_tsvector('english'::regconfig, title), 'A')
                      || setweight(to_tsvector('english'::regconfig, body), 'B')) stored,
    primary key (brokerage_id, document_id)
);
create index knowledge_documents_search on knowledge_documents using gin (search);

-- required-pattern: a .NET regular expression the text must contain; forbidden-phrase: a plain phrase it must not
-- contain (case-insensitive, whole words). applies_to holds RequestKind names; empty means every kind.
create table compliance_rules (
    brokerage_id  text        not null,
    rule_id       text        not null,
    rule_type     text        not null check (rule_type in ('required-pattern', 'forbidden-phrase')),
    pattern       text        not null,
    applies_to    text[]      not null default '{}',
    message       text        not null,
    enabled       boolean     not null default true,
    updated_by    text        not null,
    updated_at    timestamptz not null,
    primary key (brokerage_id, rule_id)
);
